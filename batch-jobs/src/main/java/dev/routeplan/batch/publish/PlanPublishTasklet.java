package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.publish.DepotPublisher.DepotPublication;
import dev.routeplan.batch.publish.DepotPublisher.RunData;
import dev.routeplan.batch.publish.RunPublisher.RunPublication;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.map.MapOutline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Publishes the date's plan: each depot ({@link DepotPublisher}), then the run-wide files
 * ({@link RunPublisher}), each as a revision of its own ({@link PlanRevisions}), and records the
 * run's metrics.
 */
public class PlanPublishTasklet implements Tasklet {

    private final FleetStore fleet;
    private final OrderStore orders;
    private final DepotPublisher depots;
    private final RunPublisher runFiles;
    private final PlanMetrics metrics;
    private final MapOutline mapOutline;

    PlanPublishTasklet(FleetStore fleet, OrderStore orders, DepotPublisher depots, RunPublisher runFiles,
                       PlanMetrics metrics, MapOutline mapOutline) {
        this.fleet = fleet;
        this.orders = orders;
        this.depots = depots;
        this.runFiles = runFiles;
        this.metrics = metrics;
        this.mapOutline = mapOutline;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        PlanRunParameters run = PlanRunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        List<RejectedRow> rejected = orders.rejects(run.planDate()).stream()
                .map(r -> new RejectedRow(r.fileName(), r.rowNumber(), r.orderId(), r.reasonCodes(), r.message())).toList();
        RunData data = new RunData(fleet.vehiclesById(run.planDate()),
                orders.orders(run.planDate()).stream().collect(Collectors.toMap(Order::id, Function.identity())),
                rejected, new DepotMaps(mapOutline));
        List<DepotPublication> published = new ArrayList<>();
        for (Depot depot : fleet.depots(run.planDate())) {
            published.add(depots.publish(run, depot, data));
        }
        RunPublication runWide = runFiles.publish(run, published, rejected, data.maps());
        metrics.record(runWide.summary());
        List<PlanRevisions.Published> changed = Stream.concat(published.stream().map(DepotPublication::published),
                Stream.of(runWide.published())).filter(PlanRevisions.Published::changed).toList();
        contribution.incrementWriteCount(changed.size());
        Path dir = run.runOutputDir();
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("summary", changed.isEmpty()
                ? "plan unchanged, nothing written to " + dir
                : changed.stream().map(p -> (PlanRevisionStore.RUN_WIDE.equals(p.depotId()) ? "run files" : p.depotId())
                        + " r" + p.revision()).collect(Collectors.joining(", ")) + " written to " + dir);
        return RepeatStatus.FINISHED;
    }
}
