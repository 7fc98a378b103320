package dev.routeplan.app.console;

import dev.routeplan.app.security.ConsoleUsers;
import dev.routeplan.app.security.SecurityProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The browser console's chain: everything the authorization server's chain (order 1) and the
 * API's (order 2: {@code /api/**}, {@code /actuator/**}, the OpenAPI pages, {@code /error}) do not
 * take. On the embedded default people sign in with a form at {@code /login}; with an external
 * issuer ({@code routeplan.security.issuer}) through that OIDC provider ({@link ConsoleOidcSignIn},
 * the button on {@code /login}). Either way they keep a session cookie, so CSRF is on
 * (Thymeleaf puts the token in each form, htmx sends it as a header from the page's meta tag).
 * Which page a role may open is said by {@code @PreAuthorize} on each handler, with the API's
 * roles and role hierarchy; here the URLs only need a signed-in person.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurityConfiguration {

    /** Scripts and styles from this origin only (htmx and console.css); no inline script or style. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(3)
    SecurityFilterChain consoleSecurity(HttpSecurity http, SecurityProperties properties, ConsoleOidcProperties oidc)
            throws Exception {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        // a page of the console (with its navigation) rather than the API's problem JSON on /error
        denied.setErrorPage(ConsolePages.DENIED);
        http
                .authorizeHttpRequests(requests -> requests
                        // the denied page is forwarded to; errors render through the API's /error
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/console.css", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                // only the console's session ends here; the provider's own session is the provider's
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(ConsolePages.LOGIN + "?signedOut"))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        if (properties.embedded()) {
            http
                    .authenticationManager(new ProviderManager(signIn(properties)))
                    .formLogin(form -> form.loginPage(ConsolePages.LOGIN).defaultSuccessUrl("/", false).permitAll());
        } else {
            ClientRegistration registration = ConsoleOidcSignIn.registration(properties, oidc);
            http
                    // no password form in this mode, and no manager of its own: oauth2Login adds the OIDC provider's
                    .oauth2Login(login -> login
                            .loginPage(ConsolePages.LOGIN)
                            .clientRegistrationRepository(new InMemoryClientRegistrationRepository(registration))
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(ConsoleOidcSignIn.people(oidc)))
                            .defaultSuccessUrl("/", false)
                            .failureUrl(ConsolePages.LOGIN + "?error")
                            .permitAll());
        }
        return http.build();
    }

    /**
     * On the embedded default the people of {@link ConsoleUsers} (the file {@code routeplan user}
     * writes, read again when it changes); with an external issuer nobody signs in with a
     * password: people come from the organisation's OIDC provider.
     */
    private static DaoAuthenticationProvider signIn(SecurityProperties properties) {
        UserDetailsService people = new ConsoleUserDetails(ConsoleUsers.besideSigningKey(properties));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(people);
        // the encoder that wrote the hashes: {bcrypt} and the other ids Spring Security knows
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return provider;
    }
}
