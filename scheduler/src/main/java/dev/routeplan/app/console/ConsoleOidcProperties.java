package dev.routeplan.app.console;

import dev.routeplan.app.security.LocalTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console as a client of the organisation's OIDC provider, used only when an external issuer
 * ({@code routeplan.security.issuer}) is configured; on the embedded default people sign in with a password.
 *
 * @param clientId     the console's client id at the provider
 * @param clientSecret its secret, from the environment ({@code ROUTEPLAN_CONSOLE_OIDC_CLIENT_SECRET}), never
 *                     in the repository; none for a public client (PKCE alone)
 * @param rolesClaim   the claim of the ID token (or userinfo) that carries the person's roles; the API's by default
 * @param providerName the provider as the sign-in page names it ("Sign in with ...")
 */
@ConfigurationProperties("routeplan.console.oidc")
public record ConsoleOidcProperties(
        String clientId,
        String clientSecret,
        @DefaultValue(LocalTokens.ROLES_CLAIM) String rolesClaim,
        @DefaultValue("your organisation") String providerName) {

    boolean confidential() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    /** Without the secret: configuration gets printed (actuator, logs), the secret never is. */
    @Override
    public String toString() {
        return "ConsoleOidcProperties[clientId=" + clientId + ", clientSecret=" + (confidential() ? "(set)" : "(none)")
                + ", rolesClaim=" + rolesClaim + ", providerName=" + providerName + "]";
    }
}
