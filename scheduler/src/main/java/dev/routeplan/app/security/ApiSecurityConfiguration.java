package dev.routeplan.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API is an OAuth2 resource server: every request carries a bearer JWT whose {@code roles}
 * claim says what it may do. URL rules here only say "authenticated" (and keep actuator apart);
 * each endpoint names its roles with {@code @PreAuthorize}, next to its code, and the role
 * matrix test walks them all. Stateless, so no session and no CSRF token: the browser console
 * (a later issue) gets a chain of its own with sessions and CSRF on. The chain also limits each
 * client's rate ({@link RateLimitFilter}) and keeps CORS closed unless origins are configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class ApiSecurityConfiguration {

    private static final int VERIFIED_TOKENS_KEPT = 10_000;

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.OPS.name(), Role.PLANNER.name(), Role.COMPLIANCE.name(), Role.METRICS.name())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, ApiRateLimits rateLimits,
                                    SecurityProperties properties) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                .authorizeHttpRequests(requests -> requests
                        // probes of the orchestrator and the load balancer carry no token
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Role.METRICS.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                // after the token is read (a client is its subject), before the URL rules refuse anonymous calls
                .addFilterAfter(new RateLimitFilter(rateLimits, problems), BearerTokenAuthenticationFilter.class)
                .cors(cors -> cors.configurationSource(crossOrigin(properties)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // bearer calls: nothing to log out of and no request to replay after a login page
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) throws JOSEException {
        NimbusJwtDecoder decoder;
        if (properties.embedded()) {
            RSAKey key = SigningKey.loadOrCreate(properties.signingKey());
            decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        } else {
            decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuer().toString());
        }
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.expectedIssuer()), audience));
        return new CachingJwtDecoder(decoder, Clock.systemUTC(), VERIFIED_TOKENS_KEPT);
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * they were a fifth of the API's CPU per request and told nothing that the HTTP server's own
     * timer (by URI, status and outcome) and the 401/403 counts do not.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Closed unless origins are configured: without a configuration for a request, a preflight
     * gets no {@code Access-Control-Allow-Origin} and the browser keeps the call from being made.
     * Bearer tokens, not cookies, so credentials stay off.
     */
    static CorsConfigurationSource crossOrigin(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(properties.corsAllowedOrigins());
            api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH,
                    HttpHeaders.RANGE, "Last-Event-ID"));
            api.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_DISPOSITION,
                    HttpHeaders.RETRY_AFTER));
            api.setAllowCredentials(false);
            api.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(LocalTokens.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
