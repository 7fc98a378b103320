package dev.routeplan.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens of the embedded issuer for the built-in local clients ({@code routeplan token --role}),
 * signed with the {@link SigningKey}; the same claims the embedded authorization server puts in
 * the tokens it issues to machine clients.
 */
public final class LocalTokens {

    /** The claim that carries a token's roles. */
    public static final String ROLES_CLAIM = "roles";

    private final SecurityProperties properties;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;

    public LocalTokens(SecurityProperties properties, RSAKey key, Clock clock) {
        if (!properties.embedded()) {
            throw new IllegalStateException("tokens are issued by " + properties.issuer()
                    + ", not by routeplan: ask that provider for one");
        }
        this.properties = properties;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.clock = clock;
    }

    /** A bearer token of the built-in local client of {@code role}. */
    public String issue(Role role) {
        return issue("local-" + role.name().toLowerCase(), List.of(role));
    }

    public String issue(String subject, Collection<Role> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.expectedIssuer())
                .subject(subject)
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim(ROLES_CLAIM, roles.stream().map(Role::name).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
