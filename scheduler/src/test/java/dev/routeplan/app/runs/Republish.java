package dev.routeplan.app.runs;

import dev.routeplan.batch.job.PlanRunParameters;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Publishes and delivers a date's stored plan again without re-planning it: the nightly job's own
 * publish and deliver steps as the next attempt. The solver stops on time, so a full re-run need
 * not find the same plan; this is how a test gets exactly the same plan published twice.
 * A bean of every {@link PlanJobTest}'s application.
 */
record Republish(JobRepository jobRepository, JobOperator jobOperator, @Qualifier("publishStep") Step publishStep,
                 @Qualifier("deliverStep") Step deliverStep) {

    JobExecution after(JobExecution previous) throws Exception {
        PlanRunParameters last = PlanRunParameters.from(previous.getJobParameters());
        PlanRunParameters next = new PlanRunParameters(last.planDate(), last.attempt() + 1, last.inputDir(), last.outputDir(),
                last.grapStage(), last.solverSeconds());
        return jobOperator.start(new JobBuilder("republishPlan", jobRepository).start(publishStep).next(deliverStep).build(),
                next.toJobParameters());
    }
}
