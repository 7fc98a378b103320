package dev.routeplan.app.cli;

import dev.routeplan.app.delivery.DeliverPlans;
import dev.routeplan.app.delivery.DeliveryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code routeplan deliver}: where the date's plans went, and another try for what did not go. */
@Command(name = "deliver", sortOptions = false, sortSynopsis = false, description = {
        "Show and retry the deliveries of a date's current plans.",
        "Sends what is PENDING or FAILED; exits 4 while something still is not sent."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class DeliverCommand extends Subcommand {

    @Mixin
    PlanDateOption planDate;

    DeliverCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        DeliveryResult result = invocation.inApplication(app -> app.getBean(DeliverPlans.class).deliver(planDate.date));
        if (!result.published()) {
            invocation.err().println("routeplan: nothing published for " + planDate.date + " yet");
            return ExitStatus.FAILED;
        }
        invocation.out().println("Delivery of " + planDate.date + ":");
        boolean notSent = new DeliveryReport(invocation.out(), invocation.err()).report(result, -1);
        return notSent ? ExitStatus.DELIVERY_FAILED : ExitStatus.OK;
    }
}
