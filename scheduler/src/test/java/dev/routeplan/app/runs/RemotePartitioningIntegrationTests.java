package dev.routeplan.app.runs;

import static dev.routeplan.app.runs.ScaleOutRig.await;
import static dev.routeplan.app.runs.ScaleOutRig.partitions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.runs.ScaleOutRig.Jvm;
import dev.routeplan.app.runs.ScaleOutRig.Outcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The sample day with its optimise and verify partitions on two {@code routeplan worker} JVMs,
 * the manager being the command line in this JVM (or, where it is killed, a JVM of its own), over
 * this machine's RabbitMQ and PostgreSQL. The tests share the two workers, started once, and run in
 * order: the second kills one of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemotePartitioningIntegrationTests {

    /** Long enough for a step of the sample day on a busy two-core machine, short enough to wait for once. */
    private static final Duration PARTITION_TIMEOUT = Duration.ofSeconds(30);

    private static ScaleOutRig rig;
    private static Jvm first;
    private static Jvm second;
    private static String firstId;
    private static String secondId;

    @BeforeAll
    static void startTwoWorkers() throws Exception {
        rig = new ScaleOutRig(PARTITION_TIMEOUT);
        first = rig.startWorker("worker-1");
        second = rig.startWorker("worker-2");
        firstId = rig.awaitReady(first);
        secondId = rig.awaitReady(second);
    }

    @AfterAll
    static void stopWorkers() throws Exception {
        rig.close();
    }

    @Test
    @Order(1)
    void theSampleDaySpreadsOverBothWorkersAndPlansAsALocalRunDoes() throws Exception {
        // given the sample day planned by this process alone, at the same seed and solver steps
        LocalDate date = LocalDate.of(2026, 12, 7);
        Path input = rig.sampleInput("spread-in");
        Outcome local = rig.routeplan(run(date, input, "spread-local", rig.settings()));
        assertThat(local.status()).as(local.output()).isZero();
        Plan plannedLocally = plan(date);

        // when the same day is planned again with the partitions on the workers
        Outcome remote = rig.routeplan(run(date, input, "spread-remote", rig.remote()));

        // then
        assertThat(remote.status()).as(remote.output()).isZero();
        JobExecution run = rig.executions(date).get(1);
        List<StepExecution> partitions = Stream.concat(partitions(run, "optimise").stream(),
                partitions(run, "verify").stream()).toList();
        assertThat(partitions).hasSize(6).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(partitions).extracting(ScaleOutRig::worker).as("the job repository shows which worker ran each")
                .containsOnly(firstId, secondId).contains(firstId, secondId);
        assertThat(remote.output()).contains("COMPLETED on " + firstId).contains("COMPLETED on " + secondId);
        assertThat(plan(date)).isEqualTo(plannedLocally);
        assertThat(plannedLocally.routes()).hasSizeGreaterThan(20);
    }

    @Test
    @Order(2)
    void aWorkerKilledMidPartitionFailsItsPartitionAndTheRestartRunsOnlyThatOne() throws Exception {
        // given a run whose partitions the two workers take
        LocalDate date = LocalDate.of(2026, 12, 8);
        Path input = rig.sampleInput("kill-in");
        ExecutorService manager = Executors.newSingleThreadExecutor();
        Future<Outcome> running = manager.submit(() -> rig.routeplan(run(date, input, "kill-out", rig.remote())));

        // when the second worker is killed while it solves a depot: once the job repository shows its
        // claim, since a worker killed before it claimed leaves the request to the other (nothing to fail)
        await(Duration.ofMinutes(3), () -> optimisePartitions(date).stream().anyMatch(p -> p.getStatus() == BatchStatus.STARTED
                && secondId.equals(ScaleOutRig.worker(p))), "the second worker to claim a depot in the job repository");
        second.kill();
        Outcome failed = running.get(3, TimeUnit.MINUTES);
        manager.shutdown();

        // then the manager fails that partition once its timeout has passed, and the run with it
        assertThat(failed.status()).as(failed.output()).isEqualTo(1);
        JobExecution firstRun = rig.executions(date).get(0);
        List<StepExecution> lost = partitions(firstRun, "optimise").stream()
                .filter(p -> p.getStatus() != BatchStatus.COMPLETED).toList();
        assertThat(lost).singleElement().satisfies(p -> {
            assertThat(p.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(ScaleOutRig.worker(p)).isEqualTo(secondId);
            assertThat(p.getExitStatus().getExitDescription()).contains("no outcome within the partition timeout of 30s");
        });
        assertThat(failed.output()).contains(lost.get(0).getStepName() + " FAILED on " + secondId);
        // its request, redelivered once the dead worker's connection dropped, was not run a second time
        await(Duration.ofMinutes(1), () -> first.output().contains(lost.get(0).getStepName() + " (execution "
                + lost.get(0).getId() + ") not run: it is"), "the first worker to refuse the redelivered request");

        // and when the run is restarted, only that partition runs again, on the worker left
        Outcome restart = rig.routeplan(concat(List.of("restart", "--date", date.toString()), rig.remote()));
        assertThat(restart.status()).as(restart.output()).isZero();
        JobExecution rerun = rig.executions(date).get(1);
        assertThat(partitions(rerun, "optimise")).singleElement().satisfies(p -> {
            assertThat(p.getStepName()).isEqualTo(lost.get(0).getStepName());
            assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(ScaleOutRig.worker(p)).isEqualTo(firstId);
        });
        PlanOutputs out = new PlanOutputs(rig.folder.resolve("kill-out").resolve(date.toString()));
        PlanAssertions.everyAcceptedOrderIsRoutedOrUnassignedOnce(rig.jdbc, date, out);
        assertThat(rig.jdbc.sql("select depot_id || ':' || revision from plan_revisions where plan_date = ?").param(date)
                .query(String.class).list()).as("each output published once").containsExactlyInAnyOrder("*:1", "D1:1", "D2:1", "D3:1");
        assertThat(out.file("revisions")).doesNotExist();
    }

    @Test
    @Order(3)
    void aManagerKilledMidStepIsRestartedWithoutRunningTheCompletedPartitionsAgain() throws Exception {
        // given a manager of its own whose requests the worker left is working off
        LocalDate date = LocalDate.of(2026, 12, 9);
        Path input = rig.sampleInput("manager-in");
        Jvm manager = rig.start("manager", run(date, input, "manager-out", rig.remote()));
        await(Duration.ofMinutes(3), () -> optimisePartitions(date).stream().anyMatch(p -> p.getStatus() == BatchStatus.COMPLETED)
                || !manager.process().isAlive(), "a depot to be solved");
        assertThat(manager.process().isAlive()).as(manager.tail()).isTrue();

        // when the manager is killed mid-step, and the worker finishes what it was sent meanwhile
        manager.kill();
        await(Duration.ofMinutes(2), () -> optimisePartitions(date).stream().allMatch(p -> p.getStatus() == BatchStatus.COMPLETED),
                "the worker to complete the partitions it was sent");
        List<String> completed = optimisePartitions(date).stream().map(StepExecution::getStepName).toList();
        Outcome restart = rig.routeplan(concat(List.of("restart", "--date", date.toString(), "--recover"), rig.remote()));

        // then the restart finds them completed in the job repository and runs none of them again
        assertThat(completed).hasSize(3);
        assertThat(restart.status()).as(restart.output()).isZero();
        JobExecution rerun = rig.executions(date).get(1);
        assertThat(partitions(rerun, "optimise")).isEmpty();
        assertThat(partitions(rerun, "verify")).hasSize(3)
                .allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        PlanAssertions.everyAcceptedOrderIsRoutedOrUnassignedOnce(rig.jdbc, date,
                new PlanOutputs(rig.folder.resolve("manager-out").resolve(date.toString())));
    }

    private static List<StepExecution> optimisePartitions(LocalDate date) {
        List<JobExecution> executions = rig.executions(date);
        return executions.isEmpty() ? List.of() : partitions(executions.get(0), "optimise");
    }

    private static List<String> run(LocalDate date, Path input, String output, List<String> settings) {
        return concat(List.of("run", "--date", date.toString(), "--input", input.toString(), "--output",
                rig.folder.resolve(output).toString(), "--solver-seconds", "30"), settings);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** What a planner compares of two plans of a date: each route's stops and verdict, km per depot, the unassigned orders. */
    private record Plan(List<String> routes, Map<String, BigDecimal> kmByDepot, List<String> unassigned) {
    }

    private static Plan plan(LocalDate date) {
        List<String> routes = rig.jdbc.sql("""
                        select r.depot_id || ' ' || r.vehicle_id || ' ' || r.status || ': '
                               || string_agg(s.order_id, ',' order by s.seq)
                        from routes r join route_stops s on s.plan_date = r.plan_date and s.vehicle_id = r.vehicle_id
                        where r.plan_date = ? group by r.depot_id, r.vehicle_id, r.status order by 1""")
                .param(date).query(String.class).list();
        Map<String, BigDecimal> km = rig.jdbc.sql("""
                        select depot_id, round(cast(sum(distance_km) as numeric), 3) from routes where plan_date = ?
                        group by depot_id""")
                .param(date).query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> unassigned = rig.jdbc.sql("select order_id || ' ' || reason from unassigned_orders where plan_date = ? order by 1")
                .param(date).query(String.class).list();
        return new Plan(routes, km, unassigned);
    }
}
