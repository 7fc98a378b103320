package dev.routeplan.app.console;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * An organisation's OIDC provider for tests, real and on loopback: Spring Authorization Server in
 * an application context of its own (only the servlet web server, MVC and security configured) at
 * {@code http://localhost:<random port>}, with the console registered as a confidential client that
 * must use PKCE, and people who sign in with its own login form. Their ID tokens carry
 * {@code preferred_username} and a {@code roles} claim as the organisation's provider would.
 * The console runs on {@code 127.0.0.1}, so the two sessions' cookies stay apart.
 */
final class OidcTestProvider implements AutoCloseable {

    static final String CLIENT_ID = "routeplan-console";
    /** A test-only secret, given to the console the way production gives it (a property from outside the repository). */
    static final String CLIENT_SECRET = "test-only-console-secret";

    /**
     * A person of the provider: the login name (the token's {@code sub}), the password, and the claims
     * the ID token carries besides (none, a {@code preferred_username}, the roles claim).
     */
    record Person(String login, String password, Map<String, Object> claims) {
    }

    private final ConfigurableApplicationContext context;

    private OidcTestProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the provider for a console at {@code http://127.0.0.1:<consolePort>}. */
    static OidcTestProvider start(int consolePort, List<Person> people) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("people", new People(people)))
                // none of the application's own configuration files: this is another organisation's server
                .run("--spring.config.location=optional:classpath:/oidc-test-provider-none/",
                        "--spring.main.banner-mode=off",
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--console.port=" + consolePort);
        return new OidcTestProvider(context);
    }

    /** The issuer as the console is configured with it (and as the provider names itself in its tokens). */
    String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    /** The people, as a bean of the provider's context. */
    record People(List<Person> all) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class Provider {

        /** The authorization server's endpoints (authorize, token, JWKS, discovery, userinfo), OIDC on. */
        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // a browser that is not signed in at the provider goes to its login form
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    // userinfo is called with the access token
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
            return http.build();
        }

        /** The provider's own sign-in: Spring Security's generated login form. */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users(People people) {
            return new InMemoryUserDetailsManager(people.all().stream()
                    .map(person -> User.withUsername(person.login()).password("{noop}" + person.password()).build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(Environment environment) {
            RegisteredClient console = RegisteredClient.withId("console")
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1:" + environment.getRequiredProperty("console.port")
                            + "/login/oauth2/code/oidc")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    // an authorization request without a code challenge is refused: the console must use PKCE
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build();
            return new InMemoryRegisteredClientRepository(console);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            // no fixed issuer: the URL it is called at, http://localhost:<port>
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID("oidc-test-provider").generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }

        /** Each person's claims in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> personClaims(People people) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                String login = context.getPrincipal().getName();
                people.all().stream().filter(person -> person.login().equals(login)).findFirst()
                        .ifPresent(person -> context.getClaims().claims(claims -> claims.putAll(person.claims())));
            };
        }
    }
}
