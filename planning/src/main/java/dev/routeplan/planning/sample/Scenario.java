package dev.routeplan.planning.sample;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.Vehicle;

import java.util.List;

/** A generated delivery scenario: the rows of {@code depots.csv}, {@code fleet.csv} and {@code orders.csv}, in file order. */
public record Scenario(ScenarioSpec spec, List<Depot> depots, List<Vehicle> fleet, List<Order> orders) {

    public Scenario {
        depots = List.copyOf(depots);
        fleet = List.copyOf(fleet);
        orders = List.copyOf(orders);
    }
}
