package dev.routeplan.app.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who issues the bearer tokens the API accepts.
 *
 * @param issuer      an external OIDC provider's issuer URI (production); when set, the embedded
 *                    authorization server is off and {@code routeplan token} is refused
 * @param localIssuer the issuer name of the embedded authorization server (embedded default)
 * @param audience    the audience every token must name
 * @param signingKey  where the embedded server keeps its RSA signing key (created on first start,
 *                    readable by the owner only; never in the repository)
 * @param tokenTtl    how long a token of the embedded server is valid
 * @param clients     machine clients of the embedded server (client credentials grant)
 * @param corsAllowedOrigins origins whose browser pages may call the API (e.g. {@code https://console.example.com});
 *                    none by default, so cross-origin calls from browsers are refused
 */
@ConfigurationProperties("routeplan.security")
public record SecurityProperties(
        URI issuer,
        @DefaultValue("http://localhost:8080") URI localIssuer,
        @DefaultValue("routeplan") String audience,
        @DefaultValue("data/keys/jwt-signing-key.json") Path signingKey,
        @DefaultValue("1h") Duration tokenTtl,
        List<Client> clients,
        List<String> corsAllowedOrigins) {

    public SecurityProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }

    public boolean embedded() {
        return issuer == null;
    }

    /** The issuer every accepted token must name. */
    public String expectedIssuer() {
        return (embedded() ? localIssuer : issuer).toString();
    }

    /**
     * A machine client of the embedded authorization server.
     *
     * @param id         the client id
     * @param secretHash the client secret as a bcrypt hash ({@code {bcrypt}$2a$...}); the secret itself is never configured
     * @param roles      the roles its tokens carry
     */
    public record Client(String id, String secretHash, Set<Role> roles) {
        public Client {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
