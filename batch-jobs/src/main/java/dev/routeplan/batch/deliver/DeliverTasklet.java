package dev.routeplan.batch.deliver;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.DeliveryStore.Delivery;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code deliver} step: sends the date's new revisions and retries what an earlier run could
 * not send. A delivery that fails is recorded, not thrown: the plans are already published, and
 * failing the job would make a restart re-plan nothing and help nobody.
 */
public class DeliverTasklet implements Tasklet {

    private final PlanDelivery delivery;

    public DeliverTasklet(PlanDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        PlanRunParameters run = PlanRunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        List<Delivery> deliveries = delivery.deliver(run.planDate());
        contribution.incrementWriteCount(deliveries.stream().filter(Delivery::sent).count());
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("summary", deliveries.isEmpty()
                ? "no delivery channel enabled"
                : deliveries.stream().collect(Collectors.groupingBy(Delivery::status, Collectors.counting())).entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).sorted().collect(Collectors.joining(", ")));
        return RepeatStatus.FINISHED;
    }
}
