package dev.routeplan.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server inside the application, for the embedded default (no external
 * issuer configured): machines get tokens with the client credentials grant at
 * {@code /oauth2/token}, signed with the {@link SigningKey}; the keys are at {@code /oauth2/jwks}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("'${routeplan.security.issuer:}' == ''")
public class EmbeddedAuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, RegisteredClientRepository clients)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        // only the server's own endpoints (token, JWKS, metadata); everything else is the API's chain
        return http
                .securityMatcher(server.getEndpointsMatcher())
                .with(server, configured -> configured.registeredClientRepository(clients))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .build();
    }

    @Bean
    RegisteredClientRepository registeredClients(SecurityProperties properties) {
        return new ConfiguredClients(properties);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.expectedIssuer()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SecurityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.signingKey())));
    }

    /** The tokens of machine clients carry the client's roles and the API's audience, as local tokens do. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesAndAudience(SecurityProperties properties) {
        return context -> context.getClaims()
                .audience(List.of(properties.audience()))
                .claim(LocalTokens.ROLES_CLAIM, ConfiguredClients.roles(context.getRegisteredClient()));
    }
}
