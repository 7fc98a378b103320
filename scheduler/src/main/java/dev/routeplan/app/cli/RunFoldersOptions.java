package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunFolders;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input} and {@code --output}: the folders of the commands that take in a date's files. */
final class RunFoldersOptions {

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The folder with the date's files.")
    Path input;
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the outputs go (created if missing).")
    Path output;

    /** Says in one line what is wrong with either folder, before anything starts. */
    void check() {
        RunFolders.check(input, output);
    }
}
