package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the solver plans for one depot: its eligible vehicles, its accepted orders, and for each
 * vehicle the stretches of time in which the rule pack forbids it to ply.
 */
public record DepotProblem(
        LocalDate planDate,
        Depot depot,
        List<Vehicle> vehicles,
        List<Order> orders,
        Map<String, List<NoEntryInterval>> noEntryByVehicleId) {

    public DepotProblem {
        vehicles = List.copyOf(vehicles);
        orders = List.copyOf(orders);
        noEntryByVehicleId = Map.copyOf(noEntryByVehicleId);
    }

    public List<NoEntryInterval> noEntryFor(Vehicle vehicle) {
        return noEntryByVehicleId.getOrDefault(vehicle.id(), List.of());
    }
}
