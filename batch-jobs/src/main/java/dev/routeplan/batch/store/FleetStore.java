package dev.routeplan.batch.store;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Depots and vehicles of a plan date, with the reason a vehicle was set aside. */
public class FleetStore {

    /** A vehicle as loaded for the date; {@code setAsideReason} is null when it may run. */
    public record FleetVehicle(Vehicle vehicle, String setAsideReason) {
        public boolean eligible() {
            return setAsideReason == null;
        }
    }

    private final JdbcClient jdbc;

    public FleetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(LocalDate planDate, List<Depot> depots, List<FleetVehicle> vehicles) {
        jdbc.sql("delete from vehicles where plan_date = ?").param(planDate).update();
        jdbc.sql("delete from depots where plan_date = ?").param(planDate).update();
        for (Depot d : depots) {
            jdbc.sql("insert into depots (plan_date, depot_id, name, lat, lon, open_time, close_time) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(planDate, d.id(), d.name(), d.location().lat(), d.location().lon(),
                            d.openingHours().start(), d.openingHours().end())
                    .update();
        }
        for (FleetVehicle fv : vehicles) {
            Vehicle v = fv.vehicle();
            jdbc.sql("""
                    insert into vehicles (plan_date, vehicle_id, depot_id, vehicle_class, fuel, emission_norm, registration_date,
                        registration_state, gvw_kg, axles, capacity_kg, capacity_m3, shift_start, shift_end, cost_per_km,
                        fixed_cost, driver_id, puc_valid_until, permit_valid_until, permit_states, eligible, set_aside_reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planDate, v.id(), v.depotId(), v.vehicleClass().name(), v.fuel().name(), v.emissionNorm().name(),
                            v.registrationDate(), v.registrationState(), v.gvwKg(), v.axles(), v.capacityKg(), v.capacityM3(),
                            v.shift().start(), v.shift().end(), v.costPerKm(), v.fixedCost(), v.driverId(), v.pucValidUntil(),
                            v.permitValidUntil(), v.permitStates().isEmpty() ? null : String.join(";", v.permitStates()),
                            fv.eligible(), fv.setAsideReason())
                    .update();
        }
    }

    public List<String> depotIds(LocalDate planDate) {
        return jdbc.sql("select depot_id from depots where plan_date = ? order by depot_id").param(planDate)
                .query(String.class).list();
    }

    public List<Depot> depots(LocalDate planDate) {
        return jdbc.sql("select * from depots where plan_date = ? order by depot_id").param(planDate)
                .query(FleetStore::mapDepot).list();
    }

    public Depot depot(LocalDate planDate, String depotId) {
        return jdbc.sql("select * from depots where plan_date = ? and depot_id = ?").params(planDate, depotId)
                .query(FleetStore::mapDepot).single();
    }

    public List<FleetVehicle> vehicles(LocalDate planDate) {
        return jdbc.sql("select * from vehicles where plan_date = ? order by depot_id, vehicle_id").param(planDate)
                .query(FleetStore::mapVehicle).list();
    }

    public Map<String, Vehicle> vehiclesById(LocalDate planDate) {
        return vehicles(planDate).stream().map(FleetVehicle::vehicle).collect(Collectors.toMap(Vehicle::id, v -> v));
    }

    /**
     * Records why an eligible vehicle of the depot was left without a route (the planner's reason,
     * e.g. essential goods only at GRAP IV), so it is listed with the vehicles set aside; the
     * vehicle stays eligible, and the depot's next optimisation clears the reasons first.
     */
    public void recordUnused(LocalDate planDate, String depotId, Map<String, String> reasonByVehicleId) {
        jdbc.sql("update vehicles set set_aside_reason = null where plan_date = ? and depot_id = ? and eligible")
                .params(planDate, depotId).update();
        reasonByVehicleId.forEach((vehicleId, reason) -> jdbc.sql(
                        "update vehicles set set_aside_reason = ? where plan_date = ? and vehicle_id = ? and eligible")
                .params(reason, planDate, vehicleId).update());
    }

    public List<Vehicle> eligibleVehicles(LocalDate planDate, String depotId) {
        return jdbc.sql("select * from vehicles where plan_date = ? and depot_id = ? and eligible order by vehicle_id")
                .params(planDate, depotId).query(FleetStore::mapVehicle).list().stream().map(FleetVehicle::vehicle).toList();
    }

    private static List<String> permitStates(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(";"));
    }

    private static Depot mapDepot(ResultSet rs, int row) throws SQLException {
        return new Depot(rs.getString("depot_id"), rs.getString("name"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                new TimeWindow(rs.getObject("open_time", LocalTime.class), rs.getObject("close_time", LocalTime.class)));
    }

    private static FleetVehicle mapVehicle(ResultSet rs, int row) throws SQLException {
        Vehicle v = new Vehicle(rs.getString("vehicle_id"), rs.getString("depot_id"),
                VehicleClass.valueOf(rs.getString("vehicle_class")), Fuel.valueOf(rs.getString("fuel")),
                EmissionNorm.valueOf(rs.getString("emission_norm")), rs.getObject("registration_date", LocalDate.class),
                rs.getString("registration_state"), rs.getInt("gvw_kg"), rs.getInt("axles"), rs.getDouble("capacity_kg"),
                rs.getDouble("capacity_m3"),
                new TimeWindow(rs.getObject("shift_start", LocalTime.class), rs.getObject("shift_end", LocalTime.class)),
                rs.getDouble("cost_per_km"), rs.getDouble("fixed_cost"), rs.getString("driver_id"),
                rs.getObject("puc_valid_until", LocalDate.class), rs.getObject("permit_valid_until", LocalDate.class),
                permitStates(rs.getString("permit_states")));
        return new FleetVehicle(v, rs.getString("set_aside_reason"));
    }
}
