package dev.routeplan.app.cli;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.TokenSpool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code routeplan token --role ROLE}: a bearer token of the built-in local client with that role,
 * for scripts on the embedded default, minted by {@link CommandLineTokens} without the database, so
 * it works beside a running service. The audit row comes from the service, which imports the record
 * the command leaves in the token spool; a token whose record cannot be written is not printed.
 */
@Command(name = "token", sortOptions = false, description = {
        "Print a bearer token of the built-in local client with ROLE (embedded issuer",
        "only). Use it as: curl -H \"Authorization: Bearer $(routeplan token --role OPS)\"",
        "Needs the service's signing key file (routeplan.security.signing-key), which",
        "only the service's user can read. Each token is first recorded (its id, role,",
        "times and your OS user, never the token) in the token-spool folder beside the",
        "key; the service puts it on the audit log (TOKEN_ISSUE) within a minute, or",
        "when it next starts. No record, no token: exit status 1."},
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
        } catch (TokenSpool.Unwritable unrecorded) {
            invocation.err().println("routeplan token: " + unrecorded.getMessage() + "; no token printed");
            return ExitStatus.FAILED;
        }
    }
}
