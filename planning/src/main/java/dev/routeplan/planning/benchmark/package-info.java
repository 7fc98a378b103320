/**
 * The Solomon VRPTW benchmark (56 instances, 100 customers) run through the production solver.
 *
 * <p>{@link dev.routeplan.planning.benchmark.SolomonProblem} maps an instance onto
 * {@code RouteSolver} without changing what the solver optimises (cost = distance, one unit per
 * "km", no fixed cost; time scaled by {@code SECONDS_PER_UNIT}); {@link
 * dev.routeplan.planning.benchmark.SolomonValidator} re-checks each answer from the instance and
 * the route sequences alone, in double precision. Run: {@code scripts/bench.sh solver [--seconds S]
 * [FILE...]}. Reference values and distance conventions: {@code /work/shared/benchmarks/solomon/README.md}.
 */
package dev.routeplan.planning.benchmark;
