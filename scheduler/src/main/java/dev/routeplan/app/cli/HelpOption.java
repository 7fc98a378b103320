package dev.routeplan.app.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} on every command; picocli prints the usage and exits 0. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean requested;
}
