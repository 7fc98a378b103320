package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.RouteplanApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in to the console through the organisation's OIDC provider, when an external issuer is
 * configured: a real provider ({@link OidcTestProvider}, Spring Authorization Server) on
 * {@code localhost}, the console on {@code 127.0.0.1} at a port chosen before either starts (the
 * provider knows the console's redirect URI by it). The people's roles come from the ID token's
 * roles claim, so the console's pages are allowed and refused as for the API's tokens.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:routeplan-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "routeplan.security.signing-key=target/test-keys/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN",
        "routeplan.console.oidc.client-id=" + OidcTestProvider.CLIENT_ID,
        "routeplan.console.oidc.provider-name=Delhi Logistics ID"
})
@AutoConfigureMockMvc
// its port and its provider are its own: nothing may reuse the context after the provider stops
@DirtiesContext
class ConsoleOidcSignInTests {

    private static final int CONSOLE_PORT = LoopbackPorts.closed();
    private static final String PASSWORD = "provider test password";
    /** An operator whose account names her {@code asha} and also carries a group of another system. */
    private static final OidcTestProvider.Person OPERATOR = new OidcTestProvider.Person("u-1001", PASSWORD,
            Map.of("preferred_username", "asha", "roles", List.of("OPS", "PAYROLL_VIEWER")));
    /** A planner with no preferred_username: the console names him by {@code sub}. */
    private static final OidcTestProvider.Person PLANNER = new OidcTestProvider.Person("u-2002", PASSWORD,
            Map.of("roles", List.of("PLANNER")));
    /** Someone of the organisation whose groups are all another system's. */
    private static final OidcTestProvider.Person OUTSIDER = new OidcTestProvider.Person("u-3003", PASSWORD,
            Map.of("preferred_username", "dev", "roles", List.of("PAYROLL_VIEWER")));
    private static final OidcTestProvider PROVIDER = OidcTestProvider.start(CONSOLE_PORT, List.of(OPERATOR, PLANNER, OUTSIDER));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> CONSOLE_PORT);
        // under a real servlet context a relative path would be read as one inside the web application
        registry.add("routeplan.rule-pack", () -> "file:" + Path.of("../config/rules/delhi.yaml").toAbsolutePath().normalize());
        registry.add("routeplan.security.issuer", PROVIDER::issuer);
        // as production passes it: from outside the repository (here, the provider's test-only secret)
        registry.add("routeplan.console.oidc.client-secret", () -> OidcTestProvider.CLIENT_SECRET);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void offersTheProvidersSignInAndNoPasswordForm() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        Element button = page.selectFirst("a#provider-sign-in");
        assertThat(button).isNotNull();
        assertThat(button.text()).isEqualTo("Sign in with Delhi Logistics ID");
        assertThat(button.attr("href")).isEqualTo("/oauth2/authorization/oidc");
        assertThat(page.select("input[type=password]")).as("no password field").isEmpty();
        assertThat(page.select("form[action=/login]")).as("no password form").isEmpty();
        assertThat(page.text()).doesNotContain("routeplan user add");
    }

    @Test
    void saysWhenTheProviderDidNotSignSomeoneIn() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/login").param("error", "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("[role=alert]").text()).startsWith("Signing in with Delhi Logistics ID did not succeed.");
        assertThat(page.text()).doesNotContain("Wrong name or password");
    }

    @Test
    void sendsSomeoneNotSignedInToTheSignInPageAndRefusesAPassword() throws Exception {
        mvc.perform(get("/runs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        // no form login in this mode: a posted name and password sign nobody in
        int posted = mvc.perform(post("/login").param("username", "u-1001").param("password", PASSWORD).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(posted).isGreaterThanOrEqualTo(400);
    }

    @Test
    void asksTheProviderForAnAuthorizationCodeWithPkceAndTheOpenidProfileScopes() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/oidc")).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();

        var query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(location).startsWith(PROVIDER.issuer() + "/oauth2/authorize?");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo(OidcTestProvider.CLIENT_ID);
        assertThat(URLDecoder.decode(query.getFirst("scope"), StandardCharsets.UTF_8)).isEqualTo("openid profile");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("nonce")).isNotBlank();
    }

    @Test
    void signsInThroughTheProviderOverHttpAndRefusesAPageOfARoleNotInTheClaim() throws Exception {
        HttpClient client = httpClient();

        HttpResponse<String> signedIn = signInOverHttp(client, PLANNER);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().toString()).isEqualTo(console("/runs"));
        Document runs = Jsoup.parse(signedIn.body());
        assertThat(runs.select("header nav a").eachText()).containsExactly("Runs", "Plans");
        assertThat(runs.selectFirst(".me").text()).contains("u-2002", "(PLANNER)");
        assertThat(open(client, "/schedules").statusCode()).as("OPS is not in the planner's roles claim").isEqualTo(403);
        assertThat(open(client, "/plans").statusCode()).isEqualTo(200);
    }

    @Test
    void givesAPersonWhoseClaimNamesNoRouteplanRoleNoPage() throws Exception {
        HttpClient client = httpClient();

        HttpResponse<String> signedIn = signInOverHttp(client, OUTSIDER);

        assertThat(signedIn.statusCode()).isEqualTo(403);
        Document denied = Jsoup.parse(signedIn.body());
        assertThat(denied.selectFirst("h1").text()).isEqualTo("Not allowed");
        assertThat(denied.select("header nav a")).isEmpty();
        assertThat(open(client, "/runs").statusCode()).isEqualTo(403);
    }

    @Test
    void signsInThroughTheProviderInABrowserAsTheRoleOfTheClaim() {
        try (ConsoleBrowser console = new ConsoleBrowser(CONSOLE_PORT)) {
            WebDriver browser = console.driver();
            console.open("/runs");
            assertThat(browser.getCurrentUrl()).isEqualTo(console.url("/login"));
            assertThat(browser.findElements(By.id("password"))).isEmpty();
            console.screenshot("login-oidc");
            console.phone();
            console.screenshot("login-oidc-phone");
            console.laptop();

            console.clickThrough(browser.findElement(By.id("provider-sign-in")));
            assertThat(browser.getCurrentUrl()).as("the provider's own sign-in").isEqualTo(PROVIDER.issuer() + "/login");
            browser.findElement(By.id("username")).sendKeys(OPERATOR.login());
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            console.clickThrough(browser.findElement(By.cssSelector("button[type=submit]")));

            assertThat(browser.getCurrentUrl()).as("back at the page asked for before signing in")
                    .startsWith(console.url("/runs"));
            assertThat(console.navigation()).containsExactly("Runs", "Schedules");
            assertThat(browser.findElement(By.cssSelector(".me")).getText())
                    .contains("asha", "(OPS)", "Sign out").doesNotContain("u-1001", "PAYROLL");
            assertThat(browser.findElements(By.id("planDate"))).as("OPS may start a date").hasSize(1);
            console.screenshot("runs-oidc-ops");
            console.open("/audit");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("Audit");
            console.open("/runs");

            console.signOut();
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("You have signed out.");
            console.screenshot("login-oidc-signed-out");
            console.open("/runs");
            assertThat(browser.getCurrentUrl()).as("the console's session has ended").isEqualTo(console.url("/login"));
        }
    }

    private static HttpClient httpClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The console's button, the provider's login form filled as {@code person}, and the redirects back: the page it ends on. */
    private static HttpResponse<String> signInOverHttp(HttpClient client, OidcTestProvider.Person person) throws Exception {
        HttpResponse<String> providerLogin = open(client, "/oauth2/authorization/oidc");
        assertThat(providerLogin.uri().toString()).isEqualTo(PROVIDER.issuer() + "/login");
        String csrfToken = Jsoup.parse(providerLogin.body()).selectFirst("input[name=_csrf]").attr("value");
        return client.send(HttpRequest.newBuilder(providerLogin.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", person.login(), "password", person.password(), "_csrf", csrfToken))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> open(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(console(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String console(String path) {
        return "http://127.0.0.1:" + CONSOLE_PORT + path;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
