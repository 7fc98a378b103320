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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code routeplan token --role ROLE}: a bearer token of the built-in local client with that role,
 * for scripts on the embedded default. It reads only the settings and the signing key, never the
 * database, so it works beside a running service; for the same reason its tokens are not on the
 * audit log (the embedded H2 file is locked by the service), which the help says.
 */
@Command(name = "token", sortOptions = false, description = {
        "Print a bearer token of the built-in local client with ROLE (embedded issuer only).",
        "Use it as: curl -H \"Authorization: Bearer $(routeplan token --role OPS)\" ...",
        "Needs the service's signing key file (routeplan.security.signing-key), which only the service's",
        "user can read. Not on the audit log: the running service holds the database; tokens of",
        "machine clients from the service's /oauth2/token are audited (TOKEN_ISSUE)."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class TokenCommand extends Subcommand {

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "One of ${COMPLETION-CANDIDATES}.")
    Role role;

    TokenCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .run(invocation.springSettings().toArray(String[]::new))) {
            SecurityProperties security = settings.getBean(SecurityProperties.class);
            if (!security.embedded()) {
                invocation.err().println("routeplan token: tokens come from " + security.issuer()
                        + " (routeplan.security.issuer); ask that provider");
                return ExitStatus.FAILED;
            }
            LocalTokens tokens = new LocalTokens(security, SigningKey.loadOrCreate(security.signingKey()), Clock.systemUTC());
            invocation.out().println(tokens.issue(role));
            return ExitStatus.OK;
        }
    }

    /** The application's settings bound, nothing started (not a component: the application never scans it in). */
    @EnableConfigurationProperties(SecurityProperties.class)
    static class SettingsOnly {
    }
}
