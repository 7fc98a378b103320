package dev.routeplan.planning.compliance;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import dev.routeplan.planning.solver.DepotProblem;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the rule pack into what the solver plans around, in one place: when each vehicle may not
 * ply, the zones it must keep out of and when, and how long a route may last. The solver never
 * reads the pack itself, so the verifier stays an independent check of its plans.
 */
public final class SolverInputs {

    private SolverInputs() {
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
            // no cargo exemption while planning: the verifier grants exemptions from the loaded cargo
            noEntry.put(v.id(), pack.noEntryIntervals(v, planDate, grapStage, Set.of()));
            zones.put(v.id(), pack.zoneNoEntry(v, planDate, grapStage));
        }
        return new DepotProblem(planDate, depot, vehicles, orders, noEntry, zones, maxRouteSeconds(pack));
    }

    /**
     * The solver schedules no breaks, so a route may last no longer than a driver may work without
     * one, nor than a duty day or its spread-over, whichever the pack makes tightest.
     */
    static long maxRouteSeconds(RulePack pack) {
        return Stream.of("max_continuous_driving_min", "max_duty_min_per_day", "max_spread_over_min")
                .map(pack::driverLimitMinutes).filter(OptionalInt::isPresent)
                .mapToLong(limit -> limit.getAsInt() * 60L).min().orElse(Long.MAX_VALUE);
    }
}
