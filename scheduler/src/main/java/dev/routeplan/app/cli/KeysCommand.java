package dev.routeplan.app.cli;

import dev.routeplan.batch.privacy.PersonalDataKeys;
import dev.routeplan.batch.privacy.PrivacyProperties;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routeplan keys create | rotate}: the keys that seal customers' names, phone numbers and
 * addresses ({@link PersonalDataKeys}), in {@code routeplan.privacy.key-folder} or the folder given.
 * Neither command touches the database: the keys are made where the operator can copy them into
 * the Secret the service and the workers mount.
 */
@Command(name = "keys", synopsisSubcommandLabel = "<create|rotate>", description = {
        "Manage the keys of customers' personal data (AES-256-GCM for names, phone",
        "numbers and addresses; HMAC-SHA256 for finding a phone number). They live in",
        "routeplan.privacy.key-folder (data/keys on the embedded default, where the",
        "service makes them on first use); the service and every worker need the same",
        "files. Without them the stored data cannot be read: keep a copy in the secret",
        "store, never beside the database's backups."},
        commandListHeading = "%nCommands:%n", footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class KeysCommand implements Callable<Integer> {

    private static final String NAME = "routeplan keys";

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;

    private final Invocation invocation;

    private KeysCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    static CommandLine commandLine(Invocation invocation) {
        return new CommandLine(new KeysCommand(invocation))
                .addSubcommand(new Create(invocation))
                .addSubcommand(new Rotate(invocation));
    }

    /** {@code routeplan keys} alone: the usage, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(invocation.err());
        return ExitStatus.USAGE;
    }

    @Command(name = "create", sortOptions = false, description = {
            "Make the keysets that are missing in the folder; an existing keyset is never",
            "replaced (that would make the data sealed with it unreadable). Then, e.g.:",
            "  kubectl -n routeplan create secret generic routeplan-privacy-keys --from-file=DIR"},
            footer = {"", RouteplanCommand.SPRING_SETTINGS})
    static final class Create extends Subcommand {

        @Mixin
        KeyFolderOption folder;

        Create(Invocation invocation) {
            super(invocation);
        }

        @Override
        public Integer call() {
            return inFolder(invocation, folder, keyFolder -> {
                List<Path> made = PersonalDataKeys.create(keyFolder);
                made.forEach(file -> invocation.out().println("made " + file));
                if (made.isEmpty()) {
                    invocation.out().println("both keysets are already in " + keyFolder + "; nothing changed");
                }
            });
        }
    }

    @Command(name = "rotate", sortOptions = false, description = {
            "Add a new AES-256-GCM key and make it the one that seals from now on. Data",
            "sealed before keeps opening with its own key, which stays in the keyset.",
            "Processes read the keys when they start: replace the Secret's file, then",
            "restart the service and the workers (kubectl rollout restart)."},
            footer = {"", RouteplanCommand.SPRING_SETTINGS})
    static final class Rotate extends Subcommand {

        @Mixin
        KeyFolderOption folder;

        Rotate(Invocation invocation) {
            super(invocation);
        }

        @Override
        public Integer call() {
            return inFolder(invocation, folder, keyFolder -> invocation.out().println("rotated "
                    + keyFolder.resolve(PersonalDataKeys.CIPHER_FILE) + ": new primary key "
                    + Integer.toUnsignedString(PersonalDataKeys.rotate(keyFolder))));
        }
    }

    /** {@code --folder DIR}, else the configured {@code routeplan.privacy.key-folder}. */
    static final class KeyFolderOption {

        @Option(names = "--folder", paramLabel = "DIR",
                description = "The key folder (default: routeplan.privacy.key-folder).")
        Path folder;
    }

    private interface FolderUse {
        void accept(Path keyFolder);
    }

    private static int inFolder(Invocation invocation, KeyFolderOption option, FolderUse use) {
        Path keyFolder = option.folder != null ? option.folder
                : SettingsOnly.of(invocation, PrivacyProperties.class).keyFolder();
        try {
            use.accept(keyFolder);
            return ExitStatus.OK;
        } catch (UncheckedIOException | IllegalStateException e) {
            invocation.err().println(NAME + ": " + e.getMessage());
            return ExitStatus.FAILED;
        }
    }
}
