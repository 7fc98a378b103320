package dev.routeplan.app.cli;

import dev.routeplan.app.delivery.DeliverPlans;
import dev.routeplan.app.delivery.DeliveryResult;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code routeplan deliver}: where the date's plans went, and another try for what did not go. */
@Command(name = "deliver", sortOptions = false, sortSynopsis = false, description = {
        "Show and retry the deliveries of a date's current plans.",
        "Sends what is PENDING or FAILED; exits 4 while something still is not sent."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class DeliverCommand implements Callable<Integer> {


    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The plan date.")
    LocalDate date;
    @Mixin
    HelpOption help;

    private final Invocation invocation;

    DeliverCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws Exception {
        DeliveryResult result = invocation.inApplication(app -> app.getBean(DeliverPlans.class).deliver(date));
        if (!result.published()) {
            invocation.err().println("routeplan: nothing published for " + date + " yet");
            return ExitStatus.FAILED;
        }
        invocation.out().println("Delivery of " + date + ":");
        boolean notSent = new DeliveryReport(invocation.out(), invocation.err()).report(result, -1);
        return notSent ? ExitStatus.DELIVERY_FAILED : ExitStatus.OK;
    }
}
