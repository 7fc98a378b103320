package dev.routeplan.planning.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a Solomon solution from the instance and the route sequences alone, independently of the
 * solver: capacity, every customer exactly once, service starting within [ready, due], the
 * vehicle back at the depot by its due date, no more routes than the fleet. Times and distances in
 * double precision (travel time = Euclidean distance), with an absolute tolerance of 1e-6.
 */
public final class SolomonValidator {

    static final double TOLERANCE = 1e-6;

    /** The verdict: total distance and the problems found (empty when feasible). */
    public record Result(int routes, double distance, List<String> violations) {
        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    private SolomonValidator() {
    }

    /** {@code routes}: for each used vehicle, its customer ids in visiting order, depot excluded. */
    public static Result validate(SolomonInstance instance, List<List<Integer>> routes) {
        List<String> violations = new ArrayList<>();
        int n = instance.customers().size();
        int[] seen = new int[n + 1];
        double total = 0;
        int used = 0;
        SolomonInstance.Node depot = instance.depot();
        for (int r = 0; r < routes.size(); r++) {
            List<Integer> route = routes.get(r);
            if (route.isEmpty()) {
                continue;
            }
            used++;
            double time = depot.ready();
            int load = 0;
            SolomonInstance.Node at = depot;
            for (int id : route) {
                if (id < 1 || id > n) {
                    violations.add("route " + r + ": no customer " + id);
                    continue;
                }
                seen[id]++;
                SolomonInstance.Node customer = instance.customer(id);
                double leg = SolomonInstance.distance(at, customer);
                total += leg;
                double start = Math.max(time + leg, customer.ready());
                if (start > customer.due() + TOLERANCE) {
                    violations.add(String.format("route %d: customer %d served at %.4f after its due date %d", r, id, start,
                            customer.due()));
                }
                load += customer.demand();
                time = start + customer.service();
                at = customer;
            }
            double back = SolomonInstance.distance(at, depot);
            total += back;
            if (time + back > depot.due() + TOLERANCE) {
                violations.add(String.format("route %d: back at the depot at %.4f after %d", r, time + back, depot.due()));
            }
            if (load > instance.capacity()) {
                violations.add("route " + r + ": load " + load + " exceeds capacity " + instance.capacity());
            }
        }
        if (used > instance.vehicles()) {
            violations.add(used + " routes for a fleet of " + instance.vehicles());
        }
        for (int id = 1; id <= n; id++) {
            if (seen[id] != 1) {
                violations.add("customer " + id + " served " + seen[id] + " times");
            }
        }
        return new Result(used, total, violations);
    }
}
