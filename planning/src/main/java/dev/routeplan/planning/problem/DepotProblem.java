package dev.routeplan.planning.problem;

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
 * vehicle the stretches of time in which the rule pack forbids it to ply, the zones it must keep
 * out of, and the driver-hours limits its routes must keep.
 */
public record DepotProblem(
        LocalDate planDate,
        Depot depot,
        List<Vehicle> vehicles,
        List<Order> orders,
        Map<String, List<NoEntryInterval>> noEntryByVehicleId,
        Map<String, List<ZoneNoEntry>> zoneNoEntryByVehicleId,
        DriverLimits driverLimits) {

    /** A problem without restricted zones, whose routes may last as long as the shifts allow. */
    public DepotProblem(LocalDate planDate, Depot depot, List<Vehicle> vehicles, List<Order> orders,
                        Map<String, List<NoEntryInterval>> noEntryByVehicleId) {
        this(planDate, depot, vehicles, orders, noEntryByVehicleId, Map.of(), DriverLimits.none());
    }

    public DepotProblem {
        vehicles = List.copyOf(vehicles);
        orders = List.copyOf(orders);
        noEntryByVehicleId = Map.copyOf(noEntryByVehicleId);
        zoneNoEntryByVehicleId = Map.copyOf(zoneNoEntryByVehicleId);
    }

    /** The longest a route may last for a planner that schedules no breaks. */
    public long maxRouteSeconds() {
        return driverLimits.maxContinuousWorkSeconds();
    }

    public List<ZoneNoEntry> zoneNoEntryFor(Vehicle vehicle) {
        return zoneNoEntryByVehicleId.getOrDefault(vehicle.id(), List.of());
    }

    public List<NoEntryInterval> noEntryFor(Vehicle vehicle) {
        return noEntryByVehicleId.getOrDefault(vehicle.id(), List.of());
    }
}
