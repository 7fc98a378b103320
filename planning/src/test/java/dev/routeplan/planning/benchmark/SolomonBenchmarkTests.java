package dev.routeplan.planning.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.routeplan.planning.solver.SolverSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolomonBenchmarkTests {

    static final Path C101 = Path.of(System.getenv().getOrDefault("SOLOMON_DIR", SolomonBenchmark.DEFAULT_DIR), "C101.txt");

    private static SolomonInstance c101() {
        assumeTrue(Files.exists(C101), "Solomon instances not present at " + C101);
        return SolomonReader.read(C101);
    }

    @Test
    void readsC101() {
        SolomonInstance instance = c101();

        assertThat(instance.name()).isEqualTo("C101");
        assertThat(instance.vehicles()).isEqualTo(25);
        assertThat(instance.capacity()).isEqualTo(200);
        assertThat(instance.depot()).isEqualTo(new SolomonInstance.Node(0, 40, 50, 0, 0, 1236, 0));
        assertThat(instance.customers()).hasSize(100);
        assertThat(instance.customer(1)).isEqualTo(new SolomonInstance.Node(1, 45, 68, 10, 912, 967, 90));
        assertThat(instance.customer(100)).isEqualTo(new SolomonInstance.Node(100, 55, 85, 20, 647, 726, 90));
    }

    @Test
    void acceptsAFeasibleRouteAndMeasuresItsLength() {
        SolomonInstance instance = tiny(200, 100);

        SolomonValidator.Result result = SolomonValidator.validate(instance, List.of(List.of(1, 2)));

        assertThat(result.violations()).isEmpty();
        assertThat(result.distance()).isCloseTo(3 + 4 + 5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rejectsARouteOverCapacity() {
        SolomonValidator.Result result = SolomonValidator.validate(tiny(15, 100), List.of(List.of(1, 2)));

        assertThat(result.feasible()).isFalse();
        assertThat(result.violations()).anyMatch(v -> v.contains("exceeds capacity"));
    }

    @Test
    void rejectsAServiceAfterTheDueDateAndAMissingCustomer() {
        SolomonInstance instance = tiny(200, 100);

        // 2 first (arrive 5), then 1: 5 + 1 service + 4 = 10 > due 8 of customer 1
        assertThat(SolomonValidator.validate(instance, List.of(List.of(2, 1))).violations())
                .anyMatch(v -> v.contains("customer 1 served at"));
        assertThat(SolomonValidator.validate(instance, List.of(List.of(1))).violations())
                .anyMatch(v -> v.contains("customer 2 served 0 times"));
    }

    @Test
    void rejectsAReturnAfterTheHorizon() {
        assertThat(SolomonValidator.validate(tiny(200, 11), List.of(List.of(1, 2))).violations())
                .anyMatch(v -> v.contains("back at the depot"));
    }

    @Test
    void solvesTheFirst25CustomersOfC101Feasibly() {
        SolomonInstance instance = c101().firstCustomers(25);

        SolomonProblem.Solution solution = new SolomonProblem(instance).solve(SolverSettings.ofSeconds(3));
        SolomonValidator.Result check = SolomonValidator.validate(instance, solution.routes());

        assertThat(solution.unassigned()).isZero();
        assertThat(check.violations()).isEmpty();
        assertThat(check.distance()).isCloseTo(solution.solverDistance(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(check.distance()).isLessThan(250); // C101 first 25: 3 routes, optimum 191.3 (truncated)
    }

    /** Depot at (0,0), customer 1 at (3,0), customer 2 at (3,4): depot-1-2-depot is 3 + 4 + 5. */
    private static SolomonInstance tiny(int capacity, int horizon) {
        return new SolomonInstance("tiny", 2, capacity, new SolomonInstance.Node(0, 0, 0, 0, 0, horizon, 0), List.of(
                new SolomonInstance.Node(1, 3, 0, 10, 0, 8, 1),
                new SolomonInstance.Node(2, 3, 4, 10, 0, 100, 1)));
    }
}
