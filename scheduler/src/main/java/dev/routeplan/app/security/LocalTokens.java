package dev.routeplan.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        return mint(role).value();
    }

    public String issue(String subject, Collection<Role> roles) {
        return mint(subject, roles).value();
    }

    /** A token of the built-in local client of {@code role}, with the claims the audit log keeps of it. */
    public Issued mint(Role role) {
        return mint("local-" + role.name().toLowerCase(), List.of(role));
    }

    public Issued mint(String subject, Collection<Role> roles) {
        // whole seconds, as the token's claims carry them: the record of a token names the times it carries
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.tokenTtl());
        // the jti names the token on the audit log (TokenSpool) without the token itself
        String jti = UUID.randomUUID().toString();
        List<Role> sorted = roles.stream().sorted().toList();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.expectedIssuer())
                .subject(subject)
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .id(jti)
                .claim(ROLES_CLAIM, sorted.stream().map(Role::name).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return new Issued(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), jti, subject, sorted,
                now, expiresAt);
    }

    /**
     * A token as minted: its text, and its claims that say which token it was.
     *
     * @param value the bearer token; whoever holds it may call the API, so it is never logged or recorded
     * @param jti   the token's id ({@code jti} claim)
     */
    public record Issued(String value, String jti, String subject, List<Role> roles, Instant issuedAt, Instant expiresAt) {

        public Issued {
            roles = List.copyOf(roles);
        }

        @Override
        public String toString() {
            return "token " + jti + " of " + subject + " " + roles + ", valid until " + expiresAt;
        }
    }
}
