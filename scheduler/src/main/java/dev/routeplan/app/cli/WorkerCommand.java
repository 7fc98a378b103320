package dev.routeplan.app.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code routeplan worker}: runs optimise and verify partitions that a manager in remote mode hands out over RabbitMQ. */
@Command(name = "worker", sortOptions = false, description = {
        "Run as a partition worker: take the depot partitions of optimise and verify",
        "from RabbitMQ and run them against the shared job repository (PostgreSQL),",
        "for a manager started with --routeplan.partitioning.mode=remote.",
        "No web server, no schedule; probes on routeplan.partitioning.worker-port.",
        "SIGTERM stops it once its partitions have ended. Its rule pack must be the",
        "manager's: a partition planned with another pack is refused."},
        footer = {"", "Settings: spring.rabbitmq.* (host, port, username, password),",
                "routeplan.partitioning.requests (the queue), .consumers (partitions at once),",
                "the database as for serve.",
                RouteplanCommand.SPRING_SETTINGS})
final class WorkerCommand extends Subcommand {

    WorkerCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        // a worker owns no run: recovering the runs of dead nodes is for the nodes that start them
        invocation.work(List.of("--routeplan.partitioning.worker=true", "--routeplan.runs.recover-on-start-up=false"));
        return ExitStatus.OK;
    }
}
