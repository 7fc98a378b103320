package dev.routeplan.app.cli;

import dev.routeplan.app.privacy.MaskedOrdersExport;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code routeplan export --date D --output FILE}: a date's orders, masked, for use outside production. */
@Command(name = "export", sortOptions = false, description = {
        "Write a date's orders for use outside production (staging, tests, analysis)",
        "as an orders file: names as initials, phones as +91XXXXXX1234, addresses",
        "without house and street; coordinates, weights and windows as they are.",
        "Audited (EXPORT)."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class ExportCommand extends Subcommand {

    @Mixin
    PlanDateOption planDate;
    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The CSV file to write; it must not exist.")
    Path output;

    ExportCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        if (Files.exists(output)) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " exists; name a new file");
        }
        if (output.toAbsolutePath().getParent() == null || !Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw new ParameterException(spec.commandLine(), "--output " + output + ": its folder does not exist");
        }
        MaskedOrdersExport.Exported exported = invocation.inApplication(app -> app.getBean(MaskedOrdersExport.class)
                .write(planDate.date, output, System.getProperty("user.name")));
        if (exported.orders() == 0) {
            invocation.err().println("routeplan: no orders held for " + planDate.date + "; nothing written");
            return ExitStatus.FAILED;
        }
        invocation.out().println(exported.orders() + " orders of " + planDate.date + " written masked to " + output);
        return ExitStatus.OK;
    }
}
