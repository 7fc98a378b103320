package dev.routeplan.app.cli;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.security.ConsoleUsers;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.app.security.TokenSpool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code routeplan user add | list | remove}: the console's users on the embedded default, kept in
 * {@link ConsoleUsers} beside the signing key (so it works while the service runs). Each add and
 * remove is first recorded in the {@link TokenSpool} for the service to put on the audit log; a
 * change that cannot be recorded is not made (exit 1). With an external issuer the people come
 * from the OIDC provider and the command refuses (exit 1).
 */
@Command(name = "user", synopsisSubcommandLabel = "<add|list|remove>", description = {
        "Manage the web console's users (embedded issuer only; with an external issuer",
        "people sign in through that provider). Users are kept, with bcrypt hashes of",
        "their passwords, in console-users.json beside the signing key, which only the",
        "service's user can read; the service sees a change at the next sign-in.",
        "Each add and remove is first recorded (name, roles and your OS user, never the",
        "password) in the token-spool folder beside the key; the service puts it on the",
        "audit log (USER_ADD, USER_REMOVE) within a minute, or when it next starts.",
        "No record, no change: exit status 1."},
        commandListHeading = "%nCommands:%n", footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class UserCommand implements Callable<Integer> {

    private static final String NAME = "routeplan user";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Kolkata"));

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;

    private final Invocation invocation;

    private UserCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    static CommandLine commandLine(Invocation invocation) {
        return new CommandLine(new UserCommand(invocation))
                .addSubcommand(new Add(invocation))
                .addSubcommand(new ListUsers(invocation))
                .addSubcommand(new Remove(invocation));
    }

    /** {@code routeplan user} alone: the usage, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(invocation.err());
        return ExitStatus.USAGE;
    }

    @Command(name = "add", sortOptions = false, description = {
            "Add a console user with ROLE (repeat --role for more). The password is read",
            "from the first line of stdin, never from the command line, e.g.",
            "  read -rs PW && printf '%s\\n' \"$PW\" | routeplan user add asha --role OPS --password-stdin",
            "At least " + ConsoleUsers.MIN_PASSWORD_LENGTH + " characters, at most "
                    + ConsoleUsers.MAX_PASSWORD_BYTES + " bytes."},
            footer = {"", RouteplanCommand.SPRING_SETTINGS})
    static final class Add extends Subcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '.', '_', '@' or '-'.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", converter = PersonRole.class,
                description = "OPS, PLANNER, COMPLIANCE or ADMIN (ADMIN may do everything).")
        List<Role> roles;

        @Option(names = "--password-stdin", required = true,
                description = "Read the password from stdin (required: a password is never an argument).")
        boolean passwordStdin;

        Add(Invocation invocation) {
            super(invocation);
        }

        @Override
        public Integer call() {
            String password;
            try {
                password = new BufferedReader(new InputStreamReader(invocation.in(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (password == null || password.isEmpty()) {
                invocation.err().println(NAME + " add: no password on stdin");
                return ExitStatus.USAGE;
            }
            return inStore(invocation, AuditAction.USER_ADD, (users, recorder) -> {
                ConsoleUsers.User user = users.add(name, EnumSet.copyOf(roles), password, recorder);
                invocation.out().println("added " + user.name() + " " + roles(user) + " to " + users.file());
            });
        }
    }

    @Command(name = "list", description = "List the console users: name, roles, when added (IST).",
            footer = {"", RouteplanCommand.SPRING_SETTINGS})
    static final class ListUsers extends Subcommand {

        ListUsers(Invocation invocation) {
            super(invocation);
        }

        @Override
        public Integer call() {
            return inStore(invocation, null, (users, recorder) -> {
                List<ConsoleUsers.User> all = users.list();
                if (all.isEmpty()) {
                    invocation.out().println("no console users in " + users.file()
                            + "; add one with: routeplan user add NAME --role ROLE --password-stdin");
                    return;
                }
                int width = Math.max(4, all.stream().mapToInt(user -> user.name().length()).max().orElse(4));
                invocation.out().printf("%-" + width + "s  %-28s  %s%n", "NAME", "ROLES", "CREATED");
                for (ConsoleUsers.User user : all) {
                    invocation.out().printf("%-" + width + "s  %-28s  %s%n", user.name(), roles(user),
                            CREATED.format(user.created()));
                }
            });
        }
    }

    @Command(name = "remove", description = "Remove a console user; it can no longer sign in.",
            footer = {"", RouteplanCommand.SPRING_SETTINGS})
    static final class Remove extends Subcommand {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Remove(Invocation invocation) {
            super(invocation);
        }

        @Override
        public Integer call() {
            return inStore(invocation, AuditAction.USER_REMOVE, (users, recorder) -> {
                users.remove(name, recorder);
                invocation.out().println("removed " + name);
            });
        }
    }

    private interface StoreUse {
        void accept(ConsoleUsers users, ConsoleUsers.Recorder recorder);
    }

    /**
     * Runs {@code use} on the store; a change ({@code action}, null for none) is recorded in the
     * spool beside the signing key for the service to put on the audit log, and not made without it.
     */
    private static int inStore(Invocation invocation, AuditAction action, StoreUse use) {
        SecurityProperties security = SettingsOnly.of(invocation, SecurityProperties.class);
        if (!security.embedded()) {
            invocation.err().println(NAME + ": console users come from " + security.issuer()
                    + " (routeplan.security.issuer); add them in that provider");
            return ExitStatus.FAILED;
        }
        try {
            ConsoleUsers.Recorder recorder = action == null ? ConsoleUsers.Recorder.NONE
                    : TokenSpool.besideSigningKey(security).recorder(action, System.getProperty("user.name"), Clock.systemUTC());
            use.accept(ConsoleUsers.besideSigningKey(security), recorder);
            return ExitStatus.OK;
        } catch (TokenSpool.Unwritable unrecorded) {
            invocation.err().println(NAME + ": " + unrecorded.getMessage() + "; nothing changed");
            return ExitStatus.FAILED;
        } catch (ConsoleUsers.Refused refused) {
            invocation.err().println(NAME + ": " + refused.getMessage());
            return ExitStatus.FAILED;
        } catch (UncheckedIOException e) {
            invocation.err().println(NAME + ": " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitStatus.FAILED;
        }
    }

    private static String roles(ConsoleUsers.User user) {
        return user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    /** A role a person may hold: METRICS is the scraper's, so it is a usage error here. */
    static final class PersonRole implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                Role role = Role.valueOf(value.toUpperCase(Locale.ROOT));
                if (ConsoleUsers.PERSON_ROLES.contains(role)) {
                    return role;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw new TypeConversionException("is not a console role: one of "
                    + ConsoleUsers.PERSON_ROLES.stream().map(Role::name).collect(Collectors.joining(", ")));
        }
    }
}
