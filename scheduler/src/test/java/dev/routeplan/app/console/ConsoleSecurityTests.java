package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.app.security.ServiceTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The console's chain: sign-in with a form and a session, CSRF, the roles of the API, the headers. */
@ServiceTest
class ConsoleSecurityTests {

    private static final String PASSWORD = "a long test password";

    @Autowired
    MockMvc mvc;
    @Autowired
    SecurityProperties security;

    @BeforeEach
    void users() {
        ConsoleTestUsers users = new ConsoleTestUsers(security);
        users.replace("console-ops", Set.of(Role.OPS), PASSWORD);
        users.replace("console-planner", Set.of(Role.PLANNER), PASSWORD);
    }

    @Test
    void sendsSomeoneNotSignedInToTheSignInPage() throws Exception {
        mvc.perform(get("/runs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void offersThePasswordFormAndNoProviderOnTheEmbeddedDefault() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"password\"", "routeplan user add").doesNotContain("provider-sign-in");
        mvc.perform(get("/oauth2/authorization/oidc")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signsInAUserOfTheCommandsFileAndKeepsTheSession() throws Exception {
        MvcResult signedIn = mvc.perform(formLogin("/login").user("console-ops").password(PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

        String page = mvc.perform(get("/runs").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("console-ops", "(OPS)", "Start a date", "Sign out");
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        mvc.perform(get("/runs").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        mvc.perform(formLogin("/login").user("console-ops").password("not the password"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void refusesASignInWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "console-ops").param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsAPlannerNoActionAndRefusesItsPostAtTheServer() throws Exception {
        String page = mvc.perform(get("/runs").with(user("p").roles("PLANNER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Start a date").doesNotContain("/runs/start");

        mvc.perform(post("/runs/start").param("planDate", "2026-12-01").param("confirmed", "yes")
                        .with(user("p").roles("PLANNER")).with(csrf()))
                .andExpect(status().isForbidden())
                // the console's own page of a refusal (MockMvc records the forward, the browser tests see the page)
                .andExpect(forwardedUrl("/denied"));
    }

    @Test
    void leavesTheApiToItsOwnChain() throws Exception {
        mvc.perform(get("/api/v1/runs")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }

    @Test
    void servesHtmxFromItsWebJarWithoutAVersionInThePath() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/console.css")).andExpect(status().isOk());
    }
}
