package dev.routeplan.app.cli;

import dev.routeplan.app.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code routeplan token --role ROLE}: a bearer token of the built-in local client with that role,
 * for scripts on the embedded default, minted by {@link CommandLineTokens} without the database, so
 * it works beside a running service; for the same reason its tokens are not on the audit log (the
 * embedded H2 file is locked by the service), which the help says.
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
        try {
            invocation.out().println(new CommandLineTokens(invocation).issue(role));
            return ExitStatus.OK;
        } catch (CommandLineTokens.NotIssuedHere external) {
            invocation.err().println("routeplan token: " + external.getMessage());
            return ExitStatus.FAILED;
        }
    }
}
