package dev.routeplan.batch.store;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.planning.domain.RouteStatus;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Routes, stops and unassigned orders of a plan date, replaced whole per depot so a re-run never duplicates. */
public class PlanStore {

    /** A stored route with its compliance status. */
    public record StoredRoute(PlannedRoute route, RouteStatus status) {
    }

    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(LocalDate planDate, DepotPlan plan) {
        String depot = plan.depotId();
        jdbc.sql("delete from route_stops where plan_date = ? and vehicle_id in (select vehicle_id from routes where plan_date = ? and depot_id = ?)")
                .params(planDate, planDate, depot).update();
        jdbc.sql("delete from routes where plan_date = ? and depot_id = ?").params(planDate, depot).update();
        jdbc.sql("delete from unassigned_orders where plan_date = ? and depot_id = ?").params(planDate, depot).update();
        for (PlannedRoute r : plan.routes()) {
            jdbc.sql("""
                    insert into routes (plan_date, vehicle_id, depot_id, departure_seconds, return_seconds, distance_km, status)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(planDate, r.vehicleId(), depot, r.departureSeconds(), r.returnSeconds(), r.distanceKm(), RouteStatus.PLANNED.name())
                    .update();
            for (PlannedStop s : r.stops()) {
                jdbc.sql("""
                        insert into route_stops (plan_date, vehicle_id, seq, order_id, arrival_seconds, service_start_seconds,
                            departure_seconds, leg_km, load_after_kg) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(planDate, r.vehicleId(), s.sequence(), s.orderId(), s.arrivalSeconds(),
                                s.serviceStartSeconds(), s.departureSeconds(), s.legKm(), s.loadAfterKg())
                        .update();
            }
        }
        for (UnassignedOrder u : plan.unassigned()) {
            jdbc.sql("insert into unassigned_orders (plan_date, order_id, depot_id, reason, detail) values (?, ?, ?, ?, ?)")
                    .params(planDate, u.orderId(), depot, u.reason().name(), u.detail()).update();
        }
    }

    public List<StoredRoute> routes(LocalDate planDate, String depotId) {
        return jdbc.sql("select * from routes where plan_date = ? and depot_id = ? order by vehicle_id")
                .params(planDate, depotId)
                .query((rs, row) -> new StoredRoute(new PlannedRoute(rs.getString("vehicle_id"), rs.getString("depot_id"),
                        rs.getLong("departure_seconds"), rs.getLong("return_seconds"), rs.getDouble("distance_km"),
                        stops(planDate, rs.getString("vehicle_id"))), RouteStatus.valueOf(rs.getString("status"))))
                .list();
    }

    private List<PlannedStop> stops(LocalDate planDate, String vehicleId) {
        return jdbc.sql("select * from route_stops where plan_date = ? and vehicle_id = ? order by seq")
                .params(planDate, vehicleId)
                .query((rs, row) -> new PlannedStop(rs.getInt("seq"), rs.getString("order_id"), rs.getLong("arrival_seconds"),
                        rs.getLong("service_start_seconds"), rs.getLong("departure_seconds"), rs.getDouble("leg_km"),
                        rs.getDouble("load_after_kg")))
                .list();
    }

    public List<UnassignedOrder> unassigned(LocalDate planDate, String depotId) {
        return jdbc.sql("select * from unassigned_orders where plan_date = ? and depot_id = ? order by order_id")
                .params(planDate, depotId)
                .query((rs, row) -> new UnassignedOrder(rs.getString("order_id"), rs.getString("depot_id"),
                        UnassignedReason.valueOf(rs.getString("reason")), rs.getString("detail")))
                .list();
    }

    /** Records the hand-planned baseline of a depot beside its optimised plan, with its running cost. */
    public void replaceBaseline(LocalDate planDate, String depotId, double distanceKm, int ordersServed, double cost) {
        jdbc.sql("delete from baseline_plans where plan_date = ? and depot_id = ?").params(planDate, depotId).update();
        jdbc.sql("insert into baseline_plans (plan_date, depot_id, distance_km, orders_served, cost) values (?, ?, ?, ?, ?)")
                .params(planDate, depotId, distanceKm, ordersServed, cost).update();
    }

    /**
     * The depot's baseline and optimised figures, if a baseline was recorded. The optimised plan is
     * its stored routes (blocked ones too: the plan as made), costed at {@code vehiclesById}; the
     * baseline's cost is as recorded, not recorded for a baseline stored before costs were (V14).
     */
    public Optional<EfficiencyGain> efficiency(LocalDate planDate, String depotId, Map<String, Vehicle> vehiclesById) {
        DepotPlan optimised = new DepotPlan(depotId, routes(planDate, depotId).stream().map(StoredRoute::route).toList(),
                List.of());
        int served = optimised.routes().stream().mapToInt(r -> r.stops().size()).sum();
        // a depot left alone by a re-run of other depots may have routes of vehicles the fleet no longer lists
        double cost = optimised.routes().stream().allMatch(r -> vehiclesById.containsKey(r.vehicleId()))
                ? optimised.runningCost(vehiclesById) : EfficiencyGain.NOT_RECORDED;
        return jdbc.sql("select distance_km, orders_served, cost from baseline_plans where plan_date = ? and depot_id = ?")
                .params(planDate, depotId)
                .query((rs, n) -> {
                    double baselineCost = rs.getDouble(3);
                    return new EfficiencyGain(rs.getDouble(1), optimised.distanceKm(), rs.getInt(2), served,
                            rs.wasNull() ? EfficiencyGain.NOT_RECORDED : baselineCost, cost);
                })
                .optional();
    }

    public void setStatus(LocalDate planDate, String vehicleId, RouteStatus status) {
        jdbc.sql("update routes set status = ? where plan_date = ? and vehicle_id = ?").params(status.name(), planDate, vehicleId).update();
    }
}
