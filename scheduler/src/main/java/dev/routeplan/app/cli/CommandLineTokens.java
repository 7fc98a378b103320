package dev.routeplan.app.cli;

import dev.routeplan.app.security.LocalTokens;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.app.security.SigningKey;
import dev.routeplan.app.security.TokenSpool;
import java.time.Clock;

/**
 * Bearer tokens of the built-in local client minted on this machine: what {@code routeplan token}
 * prints and what {@code run --attach} sends when ROUTEPLAN_TOKEN is not set. It reads only the
 * settings and the service's signing key, never the database, so it works beside a running service;
 * each token is recorded in the {@link TokenSpool} first, for the service to put on the audit log,
 * and a token that cannot be recorded is not handed out.
 */
final class CommandLineTokens {

    private final Invocation invocation;

    CommandLineTokens(Invocation invocation) {
        this.invocation = invocation;
    }

    /**
     * A token of the local client of {@code role}, recorded for the audit log.
     *
     * @throws NotIssuedHere when an external issuer is configured
     * @throws TokenSpool.Unwritable when the record cannot be written: the token must not be used
     */
    String issue(Role role) {
        SecurityProperties security = SettingsOnly.of(invocation, SecurityProperties.class);
        if (!security.embedded()) {
            throw new NotIssuedHere(security);
        }
        LocalTokens tokens = new LocalTokens(security, SigningKey.loadOrCreate(security.signingKey()), Clock.systemUTC());
        LocalTokens.Issued token = tokens.mint(role);
        TokenSpool.besideSigningKey(security).write(TokenSpool.Entry.of(token, System.getProperty("user.name")));
        return token.value();
    }

    /** An external provider issues the tokens (routeplan.security.issuer): routeplan mints none. */
    static final class NotIssuedHere extends RuntimeException {
        NotIssuedHere(SecurityProperties security) {
            super("tokens come from " + security.issuer() + " (routeplan.security.issuer); ask that provider");
        }
    }

}
