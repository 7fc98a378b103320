package dev.routeplan.app.cli;

import dev.routeplan.app.security.LocalTokens;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.app.security.SigningKey;
import java.time.Clock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bearer tokens of the built-in local client minted on this machine: what {@code routeplan token}
 * prints and what {@code run --attach} sends when ROUTEPLAN_TOKEN is not set. It reads only the
 * settings and the service's signing key, never the database, so it works beside a running service.
 */
final class CommandLineTokens {

    private final Invocation invocation;

    CommandLineTokens(Invocation invocation) {
        this.invocation = invocation;
    }

    /**
     * A token of the local client of {@code role}.
     *
     * @throws NotIssuedHere when an external issuer is configured
     */
    String issue(Role role) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .run(invocation.springSettings().toArray(String[]::new))) {
            SecurityProperties security = settings.getBean(SecurityProperties.class);
            if (!security.embedded()) {
                throw new NotIssuedHere(security);
            }
            LocalTokens tokens = new LocalTokens(security, SigningKey.loadOrCreate(security.signingKey()), Clock.systemUTC());
            return tokens.issue(role);
        }
    }

    /** An external provider issues the tokens (routeplan.security.issuer): routeplan mints none. */
    static final class NotIssuedHere extends RuntimeException {
        NotIssuedHere(SecurityProperties security) {
            super("tokens come from " + security.issuer() + " (routeplan.security.issuer); ask that provider");
        }
    }

    /** The application's settings bound, nothing started (not a component: the application never scans it in). */
    @EnableConfigurationProperties(SecurityProperties.class)
    static class SettingsOnly {
    }
}
