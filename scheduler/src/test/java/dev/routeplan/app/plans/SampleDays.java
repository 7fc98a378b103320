package dev.routeplan.app.plans;

import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.domain.RouteStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The sample day ({@code samples/}) planned and published by the real job into a folder of the
 * test's own, with GRAP stage II in force at planning time (so a what-if at stage IV has routes
 * to make illegal), for the API tests of what a run leaves behind.
 */
public final class SampleDays {

    private SampleDays() {
    }

    /** Plans and publishes the sample day for {@code date}; its outputs are in {@code folder/out/DATE/}. */
    public static Path publish(PlanRuns runs, LocalDate date, Path folder) throws Exception {
        Path input = copyInputs(date, folder);
        JobExecution run = runs.run(date, input, folder.resolve("out"), null, 1);
        if (run.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the sample day did not publish: " + run.getStatus() + " " + run.getExitStatus());
        }
        return folder.resolve("out").resolve(date.toString()).toAbsolutePath().normalize();
    }

    /**
     * Withdraws (blocks) the first route of {@code depot} that has stops and publishes the date's
     * stored plan again as the next attempt, not re-planned: the depot's second revision.
     *
     * @return the vehicle of the withdrawn route
     */
    public static String withdrawARouteAndRepublish(PlanRuns runs, PlanStore plans, LocalDate date, String depot)
            throws Exception {
        String withdrawn = plans.routes(date, depot).stream().filter(r -> !r.route().stops().isEmpty()).findFirst()
                .orElseThrow().route().vehicleId();
        plans.setStatus(date, withdrawn, RouteStatus.BLOCKED);
        JobExecution again = runs.republish(date);
        if (again.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the plan of " + date + " was not published again: " + again.getExitStatus());
        }
        return withdrawn;
    }

    /** Takes the sample day's files in (fetch, fleet, ingest) without planning. */
    public static void ingest(PlanRuns runs, LocalDate date, Path folder) throws Exception {
        runs.ingest(date, copyInputs(date, folder), folder.resolve("out"));
    }

    public static Path samples() {
        return Path.of("../samples");
    }

    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Path copyInputs(LocalDate date, Path folder) throws IOException {
        Path input = Files.createDirectories(folder.resolve("in"));
        for (String name : List.of("orders.csv", "fleet.csv", "depots.csv")) {
            Files.copy(samples().resolve(name), input.resolve(name));
        }
        // at planning time (the day before) stage II is in force
        Files.writeString(input.resolve("grap.csv"), "effective_from,stage,source\n"
                + date.minusDays(3) + "T08:00+05:30,2,CAQM order invoking stage II (test)\n");
        return input;
    }
}
