package dev.routeplan.planning.problem;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import java.time.LocalDate;
import java.util.ArrayList;
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

    public List<ZoneNoEntry> zoneNoEntryFor(Vehicle vehicle) {
        return zoneNoEntryByVehicleId.getOrDefault(vehicle.id(), List.of());
    }

    /** The depot, then the orders in their order: the points {@link VehicleRules} and {@link ZoneHits} count by index. */
    public List<GeoPoint> points() {
        List<GeoPoint> points = new ArrayList<>(orders.size() + 1);
        points.add(depot.location());
        orders.forEach(order -> points.add(order.location()));
        return points;
    }

    /** Which legs between {@code points} enter a restricted zone of any of the vehicles. */
    public ZoneHits zoneHits(List<GeoPoint> points) {
        return new ZoneHits(points, vehicles.stream().flatMap(v -> zoneNoEntryFor(v).stream()).toList());
    }

    public List<NoEntryInterval> noEntryFor(Vehicle vehicle) {
        return noEntryByVehicleId.getOrDefault(vehicle.id(), List.of());
    }
}
