package dev.routeplan.app.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --date}: the plan date that every command but {@code demo} and {@code generate} works on. */
final class PlanDateOption {

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The plan date.")
    LocalDate date;
}
