package dev.routeplan.batch.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Puts the run into the logging context (SLF4J's MDC), so that every line logged during a run
 * says which: {@code jobExecutionId} and {@code planDate} for the job, {@code step} and, in a
 * depot's partition, {@code depot}. Registered first on every step, so its {@code beforeStep} runs
 * before the other listeners and its {@code afterStep} after them. A partition's worker step may
 * run on a partition thread, where its own {@code beforeStep} sets the context afresh; after a
 * step the thread's context is put back as it was before it (empty on a pooled thread, the
 * manager step's on the thread that runs partitions one after the other).
 */
public class RunLogContext implements JobExecutionListener, StepExecutionListener {

    public static final String JOB_EXECUTION_ID = "jobExecutionId";
    public static final String PLAN_DATE = "planDate";
    public static final String STEP = "step";
    public static final String DEPOT = "depot";

    private final Map<Long, Map<String, String>> before = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution job) {
        putJob(job);
    }

    @Override
    public void afterJob(JobExecution job) {
        MDC.remove(JOB_EXECUTION_ID);
        MDC.remove(PLAN_DATE);
        MDC.remove(STEP);
        MDC.remove(DEPOT);
    }

    @Override
    public void beforeStep(StepExecution step) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        before.put(step.getId(), previous == null ? Map.of() : previous);
        putJob(step.getJobExecution());
        MDC.put(STEP, step.getStepName());
        MDC.remove(DEPOT);
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(DepotPartitioner.DEPOT_ID)) {
            MDC.put(DEPOT, context.getString(DepotPartitioner.DEPOT_ID));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Map<String, String> previous = before.remove(step.getId());
        if (previous == null || previous.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
        return null;
    }

    private static void putJob(JobExecution job) {
        MDC.put(JOB_EXECUTION_ID, Long.toString(job.getId()));
        String planDate = job.getJobParameters().getString(PlanRunParameters.PLAN_DATE);
        if (planDate != null) {
            MDC.put(PLAN_DATE, planDate);
        }
    }
}
