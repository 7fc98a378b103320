package dev.routeplan.planning.benchmark;

import dev.routeplan.planning.baseline.BaselinePlanner;
import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DepotProblems;
import dev.routeplan.planning.sample.Scenario;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The solver against the dispatcher's hand plan on one generated Delhi depot, twice: as the nightly
 * job runs it (every order, seeded with the hand plan), and like for like (only the orders the hand
 * plan serves, seeded with it, so both plans serve the same orders with the same fleet and their km
 * compare directly). Arguments: orders, vehicles, solver seconds, scenario seed, rule pack
 * (defaults 1000 50 60 9 config/rules/delhi.yaml).
 */
public final class HandPlanBenchmark {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    private HandPlanBenchmark() {
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int vehicles = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 9;
        RulePack pack = RulePackLoader.load(Path.of(args.length > 4 ? args[4] : "config/rules/delhi.yaml"));
        TravelTimeProvider travel = HaversineTravelModel.delhiDefaults();

        Scenario scenario = ScenarioGenerator.generate(new ScenarioSpec(seed, orders, 1, vehicles));
        VehicleEligibility eligibility = new VehicleEligibility(pack);
        DepotProblem problem = DepotProblems.forDepot(pack, PLAN_DATE, 0, scenario.depots().get(0),
                scenario.fleet().stream().filter(v -> eligibility.check(v, PLAN_DATE).isEmpty()).toList(), scenario.orders());
        RouteSolver solver = new RouteSolver(travel);
        DepotPlan hand = new BaselinePlanner().plan(problem, travel);

        DepotPlan all = solver.solve(problem, SolverSettings.fullSeconds(seconds), hand);
        System.out.println("every order, seeded:    " + EfficiencyGain.of(problem, hand, all) + ", " + all.routes().size()
                + " vehicles against " + hand.routes().size());

        Set<String> handServed = hand.routes().stream().flatMap(r -> r.stops().stream()).map(PlannedStop::orderId)
                .collect(Collectors.toSet());
        DepotProblem sameOrders = new DepotProblem(problem.planDate(), problem.depot(), problem.vehicles(),
                problem.orders().stream().filter(o -> handServed.contains(o.id())).toList(), problem.noEntryByVehicleId(),
                problem.zoneNoEntryByVehicleId(), problem.driverLimits(), problem.essentialGoods());
        DepotPlan likeForLike = solver.solve(sameOrders, SolverSettings.fullSeconds(seconds), hand);
        EfficiencyGain gain = EfficiencyGain.of(sameOrders, hand, likeForLike);
        System.out.println("hand plan's orders only: " + gain + ", " + likeForLike.routes().size()
                + " vehicles against " + hand.routes().size());
        System.out.printf("running cost (what the solver minimises after the orders served): hand plan %.0f, every order %.0f,"
                + " hand plan's orders only %.0f%n", cost(hand, problem), cost(all, problem), cost(likeForLike, problem));
        System.out.printf("handplan_orders=%d handplan_served=%d optimised_served=%d handplan_km_per_order=%.3f"
                        + " optimised_km_per_order=%.3f like_for_like_served=%d like_for_like_gain=%.4f%n",
                problem.orders().size(), gain.baselineServedOrders(), EfficiencyGain.of(problem, hand, all).optimisedServedOrders(),
                gain.baselineKmPerOrder(), EfficiencyGain.of(problem, hand, all).optimisedKmPerOrder(), gain.optimisedServedOrders(),
                gain.totalKmGain());
    }

    /** Km at each vehicle's rate plus the fixed cost of each vehicle used, in rupees. */
    private static double cost(DepotPlan plan, DepotProblem problem) {
        return plan.runningCost(problem.vehiclesById());
    }
}
