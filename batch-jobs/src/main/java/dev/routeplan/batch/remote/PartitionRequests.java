package dev.routeplan.batch.remote;

import dev.routeplan.batch.job.PartitionWorker;
import dev.routeplan.planning.compliance.pack.RulePack;
import java.time.LocalDateTime;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;

/**
 * A worker's side of remote partitioning: takes a partition request from the queue, decides
 * whether this worker may run it, and runs it through Spring Batch's
 * {@link StepExecutionRequestHandler}, which executes the worker step against the shared job
 * repository. A worker refuses:
 * <ul>
 * <li>a partition that is no longer STARTING: RabbitMQ redelivers a request whose worker died
 * mid-partition (it is acknowledged only when the partition ends), and the partition then reads
 * STARTED (or FAILED, once the manager gave up on it); running it again would plan a depot
 * twice. The request is dropped, the log says why. Two workers that both read STARTING cannot
 * both start it: the first update to STARTED carries the version read, and the second is refused;</li>
 * <li>a partition whose manager planned with another rule pack: the partition FAILS with both
 * hashes in its exit description, since a plan verified against one pack and solved against
 * another would prove nothing;</li>
 * <li>a request naming a step it has not or a step execution the job repository has not: the
 * request goes to the dead-letter queue, and its partition, when there is one, FAILS with why.</li>
 * </ul>
 * A body that is not a partition request never gets here: its conversion fails
 * ({@link PartitionRequestMessages}) and it is dead-lettered too.
 */
public class PartitionRequests {

    /** The header carrying the SHA-256 of the manager's rule pack (its manifest's, as {@link RulePack#sha256()}). */
    public static final String RULE_PACK_SHA256 = "routeplan_rule_pack_sha256";
    /** The header naming the manager's rule pack, {@code id version}, for the refusal's message. */
    public static final String RULE_PACK = "routeplan_rule_pack";

    private static final Logger log = LoggerFactory.getLogger(PartitionRequests.class);

    private final JobRepository jobRepository;
    private final StepLocator steps;
    private final Set<String> stepNames;
    private final RulePack rulePack;
    private final StepExecutionRequestHandler runner = new StepExecutionRequestHandler();

    public PartitionRequests(JobRepository jobRepository, StepLocator steps, Set<String> stepNames, RulePack rulePack) {
        this.jobRepository = jobRepository;
        this.steps = steps;
        this.stepNames = Set.copyOf(stepNames);
        this.rulePack = rulePack;
        runner.setJobRepository(jobRepository);
        runner.setStepLocator(steps);
    }

    public void run(Message<StepExecutionRequest> message) {
        StepExecutionRequest request = message.getPayload();
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            throw refused(request, "the job repository has no step execution " + request.getStepExecutionId());
        }
        if (steps.getStep(request.getStepName()) == null) {
            String reason = "worker " + PartitionWorker.THIS_PROCESS + " has no step " + request.getStepName()
                    + " (it runs " + stepNames + "); the request was dead-lettered";
            failIfStarting(partition, reason);
            throw refused(request, reason);
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.warn("partition {} (execution {}) not run: it is {} (worker {}); a request is redelivered when its worker "
                            + "died mid-partition, and a partition never runs twice", partition.getStepName(),
                    partition.getId(), partition.getStatus(), PartitionWorker.of(partition));
            return;
        }
        String managerPack = header(message, RULE_PACK_SHA256);
        if (!rulePack.sha256().equals(managerPack)) {
            failIfStarting(partition, "refused by worker " + PartitionWorker.THIS_PROCESS + ": the manager's rule pack "
                    + header(message, RULE_PACK) + " (sha256 " + managerPack + ") differs from this worker's "
                    + rulePack.id() + " " + rulePack.version() + " (sha256 " + rulePack.sha256()
                    + "); run the workers with the manager's rule pack");
            return;
        }
        log.info("partition {} (execution {}) started on worker {}", partition.getStepName(), partition.getId(),
                PartitionWorker.THIS_PROCESS);
        StepExecution outcome = runner.handle(request);
        log.info("partition {} (execution {}) ended {} on worker {}", partition.getStepName(), partition.getId(),
                outcome.getStatus(), PartitionWorker.THIS_PROCESS);
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value == null ? "(none)" : value.toString();
    }

    private UnprocessableRequest refused(StepExecutionRequest request, String reason) {
        log.error("partition request {} refused and dead-lettered: {}", request, reason);
        return new UnprocessableRequest(reason);
    }

    /** Fails a partition no worker has started yet, with the reason as its exit description. */
    private void failIfStarting(StepExecution partition, String reason) {
        if (partition.getStatus() != BatchStatus.STARTING) {
            return;
        }
        LocalDateTime now = LocalDateTime.now();
        partition.getExecutionContext().putString(PartitionWorker.KEY, PartitionWorker.THIS_PROCESS);
        partition.setStartTime(now);
        partition.setEndTime(now);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), reason));
        try {
            jobRepository.update(partition);
            jobRepository.updateExecutionContext(partition);
            log.error("partition {} (execution {}) FAILED: {}", partition.getStepName(), partition.getId(), reason);
        } catch (OptimisticLockingFailureException e) {
            log.warn("partition {} changed while it was being refused; left as another process set it", partition.getStepName());
        }
    }
}
