package dev.routeplan.planning.problem;

import dev.routeplan.planning.compliance.pack.RuleKind;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the rule pack into what the solver plans around, in one place: when each vehicle may not
 * ply, the zones it must keep out of and when, and how long a route may last. The solver never
 * reads the pack itself, so the verifier stays an independent check of its plans.
 */
public final class DepotProblems {

    private DepotProblems() {
    }

    /**
     * @param grapStage the highest stage expected during the plan's day: planning for it keeps
     *                  routes legal whenever the stage is lower
     */
    public static DepotProblem forDepot(RulePack pack, LocalDate planDate, int grapStage, Depot depot,
                                        List<Vehicle> vehicles, List<Order> orders) {
        Map<String, List<NoEntryInterval>> noEntry = new HashMap<>();
        Map<String, List<ZoneNoEntry>> zones = new HashMap<>();
        for (Vehicle v : vehicles) {
            // no cargo proven while planning: stretches essential goods exempt come marked, and bind
            // only routes carrying something else (VehicleRules); the verifier judges the loaded cargo
            noEntry.put(v.id(), pack.noEntryIntervals(v, planDate, grapStage, Set.of()));
            zones.put(v.id(), pack.zoneNoEntry(v, planDate, grapStage));
        }
        return new DepotProblem(planDate, depot, vehicles, orders, noEntry, zones, driverLimits(pack), pack.essentialGoods());
    }

    /**
     * The driver-hours limits of the pack's rules, the tightest where several set one: the lowest
     * limit and proviso, the longest loading time.
     */
    static DriverLimits driverLimits(RulePack pack) {
        long proviso = seconds(pack, "break_not_needed_if_day_work_le_min");
        long rest = seconds(pack, "min_rest_between_duties_min");
        return new DriverLimits(seconds(pack, "max_continuous_driving_min"), seconds(pack, "min_break_min") == Long.MAX_VALUE
                ? 0 : seconds(pack, "min_break_min"), seconds(pack, "max_duty_min_per_day"), seconds(pack, "max_spread_over_min"),
                pack.rules().stream().filter(r -> r.enabled() && r.kind() == RuleKind.DRIVER_HOURS)
                        .mapToLong(r -> r.params().getOrDefault("depot_loading_min", 0) * 60L).max().orElse(0),
                proviso == Long.MAX_VALUE ? 0 : proviso, rest == Long.MAX_VALUE ? 0 : rest);
    }

    private static long seconds(RulePack pack, String param) {
        OptionalInt minutes = pack.driverLimitMinutes(param);
        return minutes.isPresent() ? minutes.getAsInt() * 60L : Long.MAX_VALUE;
    }
}
