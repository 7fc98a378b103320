package dev.routeplan.app.cli;

import dev.routeplan.app.compliance.Reverification;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code routeplan verify}: the stored plan of a date checked again, without re-planning. */
@Command(name = "verify", sortOptions = false, sortSynopsis = false, description = {
        "Re-verify a date's stored plan without planning again.",
        "Against another GRAP stage, rule pack, a newer GRAP calendar or the stage at dispatch; prints the published"
                + " routes that would become illegal and exits 3 if any would. Every verification is audited."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class VerifyCommand extends Subcommand {

    @Mixin
    PlanDateOption planDate;
    @Option(names = "--grap-stage", paramLabel = "N", description = "Assume this GRAP stage.")
    Integer grapStage;
    @Option(names = "--rules", paramLabel = "FILE", description = "Another rule pack.")
    Path rules;
    @Option(names = "--grap", paramLabel = "FILE", description = "A newer GRAP calendar (a grap.csv with CAQM's latest orders).")
    Path calendar;
    @Option(names = "--at", paramLabel = "TIME", description = "Use the stage in force at this moment (e.g. dispatch), such as 2026-12-01T23:30+05:30.")
    OffsetDateTime at;
    @Option(names = "--withdraw", description = "Mark the routes that became illegal BLOCKED.")
    boolean withdraw;

    VerifyCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        String startedBy = "command line (" + System.getProperty("user.name") + ")";
        Reverification.Result result = invocation.inApplication(app -> app.getBean(Reverification.class)
                .reverify(planDate.date, grapStage, rules, calendar, at, withdraw, startedBy));
        return new VerificationReport(invocation.out()).report(planDate.date, result, withdraw);
    }
}
