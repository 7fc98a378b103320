package dev.routeplan.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.runs.ScaleOutRig;
import dev.routeplan.app.runs.ScaleOutRig.Jvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Two service instances ({@code routeplan serve}, each a JVM of its own) on one Quartz store and one
 * job repository in PostgreSQL, as three replicas run in Kubernetes. The nightly trigger fires
 * once, on one of them; that one is killed (SIGKILL) while its run plans. Quartz's cluster check-in
 * finds the dead node, the other fires the job again as recovering, and that firing restarts the
 * dead node's run from its failed step: the night completes without a second run of the date.
 */
class NightlyTakeoverIntegrationTests {

    /** Quartz's check-in, shortened from 7.5 s so the dead node is noticed within the test's patience. */
    private static final String CHECKIN = "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000";

    @Test
    void theOtherNodeResumesTheNightlyRunOfANodeKilledWhileItPlanned() throws Exception {
        try (ScaleOutRig rig = new ScaleOutRig(Duration.ofMinutes(5))) {
            Path input = rig.sampleInput("inbox");
            ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
            LocalDate planDate = slot.withZoneSameInstant(ScheduleName.BUSINESS_ZONE).toLocalDate().plusDays(1);
            String cron = "%d %d %d * * ?".formatted(slot.getSecond(), slot.getMinute(), slot.getHour());
            List<Jvm> nodes = List.of(serve(rig, "node-a", input, cron), serve(rig, "node-b", input, cron));

            String firing = "nightly plan of " + planDate + " from";
            ScaleOutRig.await(Duration.ofMinutes(3), () -> nodes.stream().anyMatch(n -> n.output().contains(firing)),
                    "a node to fire the nightly plan");
            Jvm holder = nodes.stream().filter(n -> n.output().contains(firing)).findFirst().orElseThrow();
            Jvm survivor = nodes.stream().filter(n -> n != holder).findFirst().orElseThrow();
            ScaleOutRig.await(Duration.ofMinutes(2), () -> optimising(rig, planDate), "the run to reach optimise");
            holder.kill();

            ScaleOutRig.await(Duration.ofMinutes(4), () -> ended(rig, planDate), survivor.name() + " to end the run");

            List<JobExecution> executions = rig.executions(planDate);
            assertThat(executions).as(survivor.tail()).extracting(JobExecution::getStatus)
                    .containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
            JobExecution killed = executions.get(0);
            JobExecution resumed = executions.get(1);
            assertThat(resumed.getJobInstance().getInstanceId()).as("a restart, not a second attempt")
                    .isEqualTo(killed.getJobInstance().getInstanceId());
            assertThat(survivor.output()).contains("carries it on").contains("restarting run " + killed.getId())
                    .doesNotContain(firing);
            assertThat(stepNames(resumed)).as("steps the killed run had completed are not run again")
                    .doesNotContainAnyElementsOf(completedStepNames(killed));

            assertThat(rig.jdbc.sql("select count(*) from route_stops where plan_date = ?").param(planDate)
                    .query(Long.class).single()).as("stops planned")
                    .isPositive()
                    .isEqualTo(rig.jdbc.sql("select count(distinct order_id) from route_stops where plan_date = ?")
                            .param(planDate).query(Long.class).single());
            try (Stream<Path> files = Files.walk(rig.folder.resolve("out"))) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("no partial file (OutputFiles writes NAME under .NAME...part, then moves it)")
                        .noneMatch(name -> name.endsWith(".part"))
                        .anyMatch(name -> name.endsWith(".xlsx"));
            }
        }
    }

    private static Jvm serve(ScaleOutRig rig, String name, Path input, String cron) throws Exception {
        List<String> args = Stream.concat(Stream.of("serve", "--input", input.toString(), "--output",
                rig.folder.resolve("out").toString(), "--server.port=0", CHECKIN,
                "--routeplan.security.signing-key=" + rig.folder.resolve(name + "-key.json"),
                // one cluster: the test class path's application.properties gives each JVM a scheduler name of its own
                "--spring.quartz.scheduler-name=routeplan",
                "--routeplan.schedules.nightly-plan.cron=" + cron, "--routeplan.schedules.nightly-plan.zone=UTC",
                // long enough per depot that the kill lands while a depot is being planned
                "--routeplan.schedules.nightly-plan.solver-seconds=6",
                "--routeplan.schedules.delivery-retry.enabled=false", "--routeplan.schedules.retention-purge.enabled=false"),
                rig.settings().stream().filter(s -> !s.startsWith("--routeplan.solver.local-search-steps="))).toList();
        return rig.start(name, args);
    }

    private static boolean optimising(ScaleOutRig rig, LocalDate planDate) {
        return rig.executions(planDate).stream().flatMap(e -> e.getStepExecutions().stream())
                .anyMatch(s -> s.getStepName().startsWith("optimise") && s.getStatus() == BatchStatus.STARTED);
    }

    private static boolean ended(ScaleOutRig rig, LocalDate planDate) {
        List<JobExecution> executions = rig.executions(planDate);
        JobExecution last = executions.isEmpty() ? null : executions.get(executions.size() - 1);
        return last != null && (last.getStatus() == BatchStatus.COMPLETED || executions.size() > 1 && !last.isRunning());
    }

    private static Set<String> stepNames(JobExecution execution) {
        return execution.getStepExecutions().stream().map(StepExecution::getStepName).collect(Collectors.toSet());
    }

    private static Set<String> completedStepNames(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.COMPLETED)
                .map(StepExecution::getStepName).collect(Collectors.toSet());
    }
}
