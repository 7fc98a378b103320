package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the solver plans for one depot: its eligible vehicles, its accepted orders, for each
 * vehicle the stretches of time in which the rule pack forbids it to ply, and the longest a route
 * may last from depot to depot ({@code maxRouteSeconds}: the driver-hours rules, since the solver
 * plans no breaks).
 */
public record DepotProblem(
        LocalDate planDate,
        Depot depot,
        List<Vehicle> vehicles,
        List<Order> orders,
        Map<String, List<NoEntryInterval>> noEntryByVehicleId,
        Map<String, List<ZoneNoEntry>> zoneNoEntryByVehicleId,
        long maxRouteSeconds) {

    /** A problem without restricted zones, whose routes may last as long as the shifts allow. */
    public DepotProblem(LocalDate planDate, Depot depot, List<Vehicle> vehicles, List<Order> orders,
                        Map<String, List<NoEntryInterval>> noEntryByVehicleId) {
        this(planDate, depot, vehicles, orders, noEntryByVehicleId, Map.of(), Long.MAX_VALUE);
    }

    public DepotProblem {
        vehicles = List.copyOf(vehicles);
        orders = List.copyOf(orders);
        noEntryByVehicleId = Map.copyOf(noEntryByVehicleId);
        zoneNoEntryByVehicleId = Map.copyOf(zoneNoEntryByVehicleId);
    }

    public List<ZoneNoEntry> zoneNoEntryFor(Vehicle vehicle) {
        return zoneNoEntryByVehicleId.getOrDefault(vehicle.id(), List.of());
    }

    public List<NoEntryInterval> noEntryFor(Vehicle vehicle) {
        return noEntryByVehicleId.getOrDefault(vehicle.id(), List.of());
    }
}
