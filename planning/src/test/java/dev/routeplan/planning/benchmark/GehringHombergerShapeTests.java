package dev.routeplan.planning.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.solver.SolverSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Solomon-format instances beyond Solomon's own 56: Gehring &amp; Homberger's have 200 to 1,000
 * customers on a plane up to 500 units wide and horizons near a full day at our time scale.
 */
class GehringHombergerShapeTests {

    static final int CUSTOMERS = 200;
    static final int HORIZON = 3500; // x 24 s per unit = 84,000 s, 23:20
    // CPU time, not wall-clock: on a busy machine a wall-clock second may not even finish the construction
    static final SolverSettings TWO_CPU_SECONDS = SolverSettings.cpuSeconds(2);

    @TempDir
    Path dir;

    @Test
    void readsCoordinatesUpTo500AndMeasuresThemAsTheInstanceDoes() throws IOException {
        SolomonInstance instance = SolomonReader.read(generated("GH_SHAPE"));
        SolomonInstance.Node far = instance.customers().stream()
                .max((a, b) -> Integer.compare(Math.max(a.x(), a.y()), Math.max(b.x(), b.y()))).orElseThrow();

        var problem = new SolomonProblem(instance).toDepotProblem();
        var depot = problem.depot().location();
        var customer = problem.orders().get(far.id() - 1).location();

        assertThat(instance.customers()).hasSize(CUSTOMERS);
        assertThat(Math.max(far.x(), far.y())).isGreaterThan(450);
        assertThat(new PlaneTravel().distanceKm(depot, customer)).isEqualTo(SolomonInstance.distance(instance.depot(), far));
    }

    @Test
    void solvesAGeneratedInstanceOf200CustomersFeasibly() throws IOException {
        Path file = generated("GH_SHAPE");
        SolomonInstance instance = SolomonReader.read(file);

        SolomonProblem.Solution solution = new SolomonProblem(instance).solve(TWO_CPU_SECONDS);
        SolomonValidator.Result check = SolomonValidator.validate(instance, solution.routes());

        assertThat(solution.unassigned()).isZero();
        assertThat(check.violations()).isEmpty();
        assertThat(check.distance()).isCloseTo(solution.solverDistance(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void reportsAnInstanceThatFailsAsAJsonLineAndGoesOnWithTheOthers() throws Exception {
        Path broken = dir.resolve("BROKEN.txt");
        Files.writeString(broken, "BROKEN\n\nVEHICLE\nNUMBER CAPACITY\n 10 200\n\nCUSTOMER\n 0 40 50 0 0 1236 0\n 1 45 x 10 0 900 10\n");
        Path good = generated("GH_SHAPE");

        String printed = printedBy(() -> SolomonBenchmark.report(List.of(broken, good), 1,
                instance -> new SolomonProblem(instance).solve(TWO_CPU_SECONDS).routes()));

        assertThat(printed).contains("{\"instance\":\"BROKEN\",\"error\":\"" + broken + " line 9: field 3 'x' is not an integer\"}");
        assertThat(printed).contains("{\"instance\":\"GH_SHAPE\",\"vehicles\":");
        assertThat(printed).contains("\"feasible\":true");
        assertThat(printed).contains("1 instance failed to read or solve");
    }

    /**
     * A Gehring &amp; Homberger-like instance, seeded: depot in the middle of a 500 x 500 plane, windows
     * of 600 units that every customer can reach from the depot and leave in time to get back.
     */
    private Path generated(String name) throws IOException {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder(name).append("\n\nVEHICLE\nNUMBER     CAPACITY\n  50          200\n\n")
                .append("CUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME\n\n")
                .append(String.format(Locale.ROOT, "%5d %5d %5d %5d %5d %5d %5d%n", 0, 250, 250, 0, 0, HORIZON, 0));
        for (int id = 1; id <= CUSTOMERS; id++) {
            int ready = 400 + random.nextInt(1900);
            text.append(String.format(Locale.ROOT, "%5d %5d %5d %5d %5d %5d %5d%n", id, random.nextInt(501), random.nextInt(501),
                    10 + random.nextInt(21), ready, ready + 600, 10));
        }
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, text);
        return file;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String printedBy(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
