package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ComplianceStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A date's stored plan as a planner reads it, per depot: where the depot is, each route with its
 * vehicle, km, status and stops in order (with where each stop is), and the orders no published
 * route serves with why: those the planner left out, and those of routes compliance blocked, as
 * the publish step lists them in {@code unassigned.csv}.
 */
@Repository
public class PlanRoutes {

    /** The reason the publish step gives the orders of a blocked route. */
    public static final String BLOCKED = "BLOCKED_BY_COMPLIANCE";

    /** A stop of a route: its place in the sequence, the order and where it is. */
    public record Stop(int seq, String orderId, double lat, double lon) {
    }

    /**
     * A route as planned.
     *
     * @param status PASSED (published), BLOCKED (compliance refused it) or PLANNED (not verified yet)
     */
    public record Route(String vehicleId, String vehicleClass, String driverId, String status, double km,
                        long departureSeconds, long returnSeconds, List<Stop> stops) {

        public boolean published() {
            return "PASSED".equals(status);
        }
    }

    /** An order no published route serves, and why. */
    public record Unassigned(String orderId, String reason, String detail) {
    }

    /** A depot's plan of the date. */
    public record DepotRoutes(String depotId, String name, double lat, double lon, List<Route> routes,
                              List<Unassigned> unassigned) {
    }

    private final JdbcClient jdbc;
    private final ComplianceStore checks;

    public PlanRoutes(JdbcClient jdbc, ComplianceStore checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    /** Every depot of the date with its routes and unassigned orders, by depot id. */
    public Map<String, DepotRoutes> of(LocalDate planDate) {
        Map<String, List<Stop>> stops = stops(planDate);
        Map<String, List<Route>> routes = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.vehicle_id, r.depot_id, r.status, r.distance_km, r.departure_seconds, r.return_seconds,
                               v.vehicle_class, v.driver_id
                        from routes r left join vehicles v on v.plan_date = r.plan_date and v.vehicle_id = r.vehicle_id
                        where r.plan_date = ? order by r.depot_id, r.vehicle_id""")
                .param(planDate)
                .query((rs, n) -> {
                    String vehicle = rs.getString("vehicle_id");
                    routes.computeIfAbsent(rs.getString("depot_id"), d -> new ArrayList<>()).add(new Route(vehicle,
                            rs.getString("vehicle_class"), rs.getString("driver_id"), rs.getString("status"),
                            rs.getDouble("distance_km"), rs.getLong("departure_seconds"), rs.getLong("return_seconds"),
                            stops.getOrDefault(vehicle, List.of())));
                    return vehicle;
                })
                .list();
        Map<String, List<Unassigned>> unassigned = unassigned(planDate, routes);
        Map<String, DepotRoutes> depots = new LinkedHashMap<>();
        jdbc.sql("select depot_id, name, lat, lon from depots where plan_date = ? order by depot_id")
                .param(planDate)
                .query((rs, n) -> {
                    String id = rs.getString("depot_id");
                    return depots.put(id, new DepotRoutes(id, rs.getString("name"), rs.getDouble("lat"), rs.getDouble("lon"),
                            routes.getOrDefault(id, List.of()), unassigned.getOrDefault(id, List.of())));
                })
                .list();
        return depots;
    }

    private Map<String, List<Stop>> stops(LocalDate planDate) {
        Map<String, List<Stop>> stops = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.vehicle_id, s.seq, s.order_id, o.lat, o.lon
                        from route_stops s join orders o on o.plan_date = s.plan_date and o.order_id = s.order_id
                        where s.plan_date = ? order by s.vehicle_id, s.seq""")
                .param(planDate)
                .query((rs, n) -> stops.computeIfAbsent(rs.getString("vehicle_id"), v -> new ArrayList<>())
                        .add(new Stop(rs.getInt("seq"), rs.getString("order_id"), rs.getDouble("lat"), rs.getDouble("lon"))))
                .list();
        return stops;
    }

    /** The planner's unassigned orders, then the orders of blocked routes with the hard rules that blocked them. */
    private Map<String, List<Unassigned>> unassigned(LocalDate planDate, Map<String, List<Route>> routes) {
        Map<String, List<Unassigned>> unassigned = new LinkedHashMap<>();
        jdbc.sql("select depot_id, order_id, reason, detail from unassigned_orders where plan_date = ? order by depot_id, order_id")
                .param(planDate)
                .query((rs, n) -> unassigned.computeIfAbsent(rs.getString("depot_id"), d -> new ArrayList<>())
                        .add(new Unassigned(rs.getString("order_id"), rs.getString("reason"), rs.getString("detail"))))
                .list();
        routes.forEach((depot, depotRoutes) -> depotRoutes.stream().filter(r -> "BLOCKED".equals(r.status())).forEach(r -> {
            // the publish step's words (DepotPublisher), so the page and unassigned.csv agree
            String rules = String.join("; ", checks.hardFailures(planDate, r.vehicleId()));
            r.stops().forEach(s -> unassigned.computeIfAbsent(depot, d -> new ArrayList<>())
                    .add(new Unassigned(s.orderId(), BLOCKED, "route of " + r.vehicleId() + " blocked: " + rules)));
        }));
        return unassigned;
    }
}
