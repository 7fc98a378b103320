package dev.routeplan.app.runs;

import static dev.routeplan.app.runs.ScaleOutRig.partitions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.runs.ScaleOutRig.Jvm;
import dev.routeplan.app.runs.ScaleOutRig.Outcome;
import dev.routeplan.batch.remote.PartitionRequests;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.FileSystemUtils;

/**
 * A worker refuses what it must not run: a partition of a manager with another rule pack fails
 * and says both hashes; a message that is not a partition request, or names a step the worker has
 * not, goes to the dead-letter queue, and the partition it names, if any, fails with why. One
 * worker JVM whose rule pack differs from the manager's by one comment line.
 */
class WorkerRefusalsIntegrationTests {

    private static final Path RULES = Path.of("../config/rules");

    private static ScaleOutRig rig;
    private static Jvm worker;
    private static String workerId;
    private static String managerPack;
    private static String workerPack;

    @BeforeAll
    static void startAWorkerWithAnotherRulePack() throws Exception {
        rig = new ScaleOutRig(Duration.ofSeconds(60));
        Path otherRules = rig.folder.resolve("other-rules");
        FileSystemUtils.copyRecursively(RULES, otherRules);
        Files.writeString(otherRules.resolve("delhi.yaml"), "\n# edited on the worker's host\n", StandardOpenOption.APPEND);
        managerPack = RulePackLoader.load(RULES.resolve("delhi.yaml")).sha256();
        workerPack = RulePackLoader.load(otherRules.resolve("delhi.yaml")).sha256();
        worker = rig.startWorker("worker-other-pack", "--routeplan.rule-pack=" + otherRules.resolve("delhi.yaml").toAbsolutePath());
        workerId = rig.awaitReady(worker);
    }

    @AfterAll
    static void stopWorker() throws Exception {
        rig.close();
    }

    @Test
    void aWorkerWithAnotherRulePackRefusesThePartitionsAndNamesBothHashes() throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 10);
        List<String> run = new ArrayList<>(List.of("run", "--date", date.toString(), "--input",
                rig.sampleInput("pack-in").toString(), "--output", rig.folder.resolve("pack-out").toString()));
        run.addAll(rig.remote());

        // when
        Outcome outcome = rig.routeplan(run);

        // then
        assertThat(managerPack).isNotEqualTo(workerPack);
        assertThat(outcome.status()).as(outcome.output()).isEqualTo(1);
        List<StepExecution> optimise = partitions(rig.executions(date).get(0), "optimise");
        assertThat(optimise).hasSize(3).allSatisfy(partition -> {
            assertThat(partition.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(ScaleOutRig.worker(partition)).isEqualTo(workerId);
            assertThat(partition.getExitStatus().getExitDescription())
                    .contains("refused by worker " + workerId, "(sha256 " + managerPack + ")", "(sha256 " + workerPack + ")");
        });
        assertThat(rig.jdbc.sql("select count(*) from routes where plan_date = ?").param(date).query(Long.class).single())
                .as("no depot was planned").isZero();
        assertThat(outcome.output()).contains("optimiseDepot:depot-D1 FAILED on " + workerId + ": refused by worker");
    }

    @Test
    void aMessageThatIsNotAPartitionRequestGoesToTheDeadLetterQueue() throws Exception {
        // given
        String body = "plan everything, quickly " + UUID.randomUUID();

        // when
        send(body, MessageProperties.CONTENT_TYPE_TEXT_PLAIN);

        // then
        Message dead = deadLetter(body);
        assertThat(deathReason(dead)).isEqualTo("rejected");
    }

    @Test
    void aRequestForAStepTheWorkerHasNotIsDeadLetteredAndFailsItsPartition() throws Exception {
        // given a partition waiting for a worker, and a request for it that names an unknown step
        StepExecution partition = waitingPartition();
        String body = "{\"stepName\":\"planEverythingDepot\",\"stepExecutionId\":" + partition.getId() + "}";

        // when
        send(body, MessageProperties.CONTENT_TYPE_JSON);

        // then
        Message dead = deadLetter(body);
        assertThat(deathReason(dead)).isEqualTo("rejected");
        StepExecution failed = rig.jobRepository.getStepExecution(partition.getId());
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription())
                .contains("worker " + workerId + " has no step planEverythingDepot", "optimiseDepot", "dead-lettered");
    }

    /** A partition as a manager leaves it for a worker: STARTING, in a job execution of its own. */
    private static StepExecution waitingPartition() {
        JobParameters parameters = new JobParametersBuilder().addString("probe", UUID.randomUUID().toString()).toJobParameters();
        JobInstance instance = rig.jobRepository.createJobInstance("deadLetterProbe", parameters);
        JobExecution execution = rig.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        StepExecution partition = rig.jobRepository.createStepExecution("optimiseDepot:depot-D9", execution);
        assertThat(partition.getStatus()).isEqualTo(BatchStatus.STARTING);
        return partition;
    }

    private static void send(String body, String contentType) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(contentType);
        properties.setHeader(PartitionRequests.RULE_PACK_SHA256, workerPack);
        rig.rabbit().send("", rig.requests, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    /** The dead letter with that body; others (of another test) are passed over. */
    private static Message deadLetter(String body) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            Message message = rig.rabbit().receive(rig.deadLetters, 1000);
            if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).equals(body)) {
                return message;
            }
        }
        throw new AssertionError("no dead letter " + body + " within 60 s; the worker said:\n" + worker.tail());
    }

    @SuppressWarnings("unchecked")
    private static String deathReason(Message message) {
        List<Map<String, Object>> deaths = (List<Map<String, Object>>) message.getMessageProperties().getHeaders().get("x-death");
        assertThat(deaths).as("x-death of %s", message).isNotEmpty();
        assertThat(deaths.get(0)).containsEntry("queue", rig.requests);
        return String.valueOf(deaths.get(0).get("reason"));
    }

}
