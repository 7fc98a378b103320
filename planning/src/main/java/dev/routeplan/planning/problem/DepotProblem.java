package dev.routeplan.planning.problem;

import dev.routeplan.planning.domain.ClockTime;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the solver plans for one depot: its eligible vehicles, its accepted orders, for each
 * vehicle the stretches of time in which the rule pack forbids it to ply, the zones it must keep
 * out of, the driver-hours limits its routes must keep, and the cargo codes that are essential
 * goods (a route carrying only those is free of the stretches essential goods exempt).
 *
 * @param essentialGoods the pack's {@code essential_goods}, lower case
 */
public record DepotProblem(
        LocalDate planDate,
        Depot depot,
        List<Vehicle> vehicles,
        List<Order> orders,
        Map<String, List<NoEntryInterval>> noEntryByVehicleId,
        Map<String, List<ZoneNoEntry>> zoneNoEntryByVehicleId,
        DriverLimits driverLimits,
        Set<String> essentialGoods) {

    /** A problem without restricted zones, whose routes may last as long as the shifts allow. */
    public DepotProblem(LocalDate planDate, Depot depot, List<Vehicle> vehicles, List<Order> orders,
                        Map<String, List<NoEntryInterval>> noEntryByVehicleId) {
        this(planDate, depot, vehicles, orders, noEntryByVehicleId, Map.of(), DriverLimits.none());
    }

    /** A problem in which no cargo counts as essential goods. */
    public DepotProblem(LocalDate planDate, Depot depot, List<Vehicle> vehicles, List<Order> orders,
                        Map<String, List<NoEntryInterval>> noEntryByVehicleId,
                        Map<String, List<ZoneNoEntry>> zoneNoEntryByVehicleId, DriverLimits driverLimits) {
        this(planDate, depot, vehicles, orders, noEntryByVehicleId, zoneNoEntryByVehicleId, driverLimits, Set.of());
    }

    public DepotProblem {
        vehicles = List.copyOf(vehicles);
        orders = List.copyOf(orders);
        noEntryByVehicleId = Map.copyOf(noEntryByVehicleId);
        zoneNoEntryByVehicleId = Map.copyOf(zoneNoEntryByVehicleId);
        essentialGoods = Set.copyOf(essentialGoods);
    }

    /**
     * The order's goods type is essential goods, read as the verifier reads it (trimmed, lower
     * case; none is not essential).
     */
    public boolean isEssential(Order order) {
        String type = order.goodsType();
        return type != null && !type.isBlank() && essentialGoods.contains(type.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Why the vehicle may carry essential goods only, or empty if it may carry anything: the
     * rules whose no-entry stretches only a route of essential goods escapes, and when they bind.
     * Recorded for a vehicle that is left unused, so nobody has to guess why.
     */
    public Optional<String> essentialGoodsOnly(Vehicle vehicle) {
        List<NoEntryInterval> lifted = noEntryFor(vehicle).stream().filter(NoEntryInterval::liftedForEssentialGoods).toList();
        if (lifted.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> stretches = new LinkedHashMap<>();
        for (NoEntryInterval i : lifted) {
            stretches.computeIfAbsent(i.ruleId(), id -> new ArrayList<>())
                    .add(ClockTime.format(Math.floorMod(i.startSeconds(), TimeWindow.SECONDS_PER_DAY)) + "-"
                            + ClockTime.formatEnd(Math.floorMod(i.endSeconds() - 1, TimeWindow.SECONDS_PER_DAY) + 1));
        }
        List<String> rules = new ArrayList<>();
        stretches.forEach((rule, times) -> rules.add(rule + " (" + String.join(", ", new LinkedHashSet<>(times)) + ")"));
        return Optional.of("essential goods only: " + String.join("; ", rules) + " bars it unless every order on the"
                + " route is essential goods " + new TreeSet<>(essentialGoods));
    }

    /** The depot's vehicles by id, in the fleet's order: what a plan of this problem is costed at. */
    public Map<String, Vehicle> vehiclesById() {
        Map<String, Vehicle> byId = new LinkedHashMap<>();
        vehicles.forEach(vehicle -> byId.put(vehicle.id(), vehicle));
        return byId;
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
