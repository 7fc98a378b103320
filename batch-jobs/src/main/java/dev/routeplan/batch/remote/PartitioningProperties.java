package dev.routeplan.batch.remote;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the depot partitions of optimise and verify run ({@code routeplan.partitioning.*}).
 *
 * @param mode          {@code local}: on this process's partition threads (the default, no server needed);
 *                      {@code remote}: as requests on RabbitMQ ({@code spring.rabbitmq.*}) to {@code routeplan worker}s
 *                      sharing this job repository
 * @param requests      the durable queue the partition requests go to and the workers consume
 * @param deadLetters   where a request a worker cannot process goes (bound to {@code requests}' dead-letter exchange)
 * @param pollInterval  how often the manager reads the job repository for its partitions' outcomes
 * @param timeout       the longest the manager waits for all partitions of one step; the partitions not finished
 *                      by then are marked FAILED (a worker that died leaves its partition STARTED) and the run
 *                      can be restarted. Set it well above the step's expected time: depots / workers x budget
 * @param consumers     requests a worker runs at once (a solve keeps one core busy)
 * @param shutdownWait  on SIGTERM, how long a worker waits for the partitions it is running before it exits
 * @param workerPort    a worker's probe port ({@code /health/liveness}, {@code /health/readiness}); 0 for none
 * @param worker        this process is a worker: it consumes {@code requests} (set by {@code routeplan worker})
 */
@ConfigurationProperties("routeplan.partitioning")
public record PartitioningProperties(
        @DefaultValue("local") Mode mode,
        @DefaultValue("routeplan.partitions") String requests,
        @DefaultValue("routeplan.partitions.dead") String deadLetters,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2h") Duration timeout,
        @DefaultValue("2") int consumers,
        @DefaultValue("50s") Duration shutdownWait,
        @DefaultValue("8081") int workerPort,
        @DefaultValue("false") boolean worker) {

    public enum Mode { LOCAL, REMOTE }

    public PartitioningProperties {
        if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("routeplan.partitioning: poll-interval and timeout must be positive");
        }
        if (consumers < 1) {
            throw new IllegalArgumentException("routeplan.partitioning.consumers must be at least 1, was " + consumers);
        }
        if (requests.equals(deadLetters)) {
            throw new IllegalArgumentException("routeplan.partitioning: requests and dead-letters must be different queues");
        }
    }

    /** The exchange that takes what {@code requests} rejects, named after it. */
    public String deadLetterExchange() {
        return requests + ".dlx";
    }
}
