package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import dev.routeplan.planning.problem.DepotDeparture;
import dev.routeplan.planning.problem.DriverLimits;
import dev.routeplan.planning.problem.VehicleRules;
import dev.routeplan.planning.problem.ZoneHits;
import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * The sequence of visits a vehicle serves, leaving from and returning to the depot.
 *
 * <p>OptaPlanner 10.2's list variable must assign every visit, so each depot also has one
 * "unplanned bucket" route without a vehicle: a visit there is an unassigned order, costs a
 * medium penalty weighted by its priority, and is exempt from every hard constraint.
 */
@PlanningEntity
public class VehicleRoute {

    static final int DEPOT = VehicleRules.DEPOT;

    @PlanningId
    private String id;
    private Vehicle vehicle;
    private TravelMatrix matrix;
    private VehicleRules rules;

    @PlanningListVariable(valueRangeProviderRefs = "visits")
    private List<Visit> visits = new ArrayList<>();

    public VehicleRoute() {
        // for OptaPlanner's solution cloner
    }

    private VehicleRoute(String id, Vehicle vehicle, TravelMatrix matrix, VehicleRules rules) {
        this.id = id;
        this.vehicle = vehicle;
        this.matrix = matrix;
        this.rules = rules;
    }

    VehicleRoute(Vehicle vehicle, TravelMatrix matrix, VehicleRules rules) {
        this(vehicle.id(), vehicle, matrix, rules);
    }

    static VehicleRoute of(Vehicle vehicle, TravelMatrix matrix, TimeWindow depotHours, List<NoEntryInterval> noEntry,
                           List<ZoneNoEntry> zoneNoEntry, ZoneHits zoneHits, DriverLimits limits) {
        return new VehicleRoute(vehicle, matrix, VehicleRules.of(vehicle, depotHours, noEntry, zoneNoEntry, zoneHits, limits));
    }

    static VehicleRoute unplannedBucket(String depotId) {
        return new VehicleRoute("unplanned-" + depotId, null, null, VehicleRules.none());
    }

    /**
     * The same vehicle with {@code visits} in that order, linked and timed as the solver's listener
     * would: a trial route, apart from the plan, for asking what serving those visits would break.
     */
    VehicleRoute withVisits(List<Visit> trialVisits) {
        VehicleRoute trial = new VehicleRoute(id, vehicle, matrix, rules);
        trial.visits = new ArrayList<>(trialVisits);
        trial.linkAndTime();
        return trial;
    }

    /**
     * Sets the visits' shadow variables as OptaPlanner and our listener would, for a route no score
     * director has seen: a seed, which OptaPlanner does not time, or a trial route.
     */
    void linkAndTime() {
        for (int i = 0; i < visits.size(); i++) {
            visits.get(i).setRoute(this);
            visits.get(i).setIndex(i);
        }
        if (!isUnplannedBucket()) {
            ArrivalTimeListener.recompute(this, (visit, arrival, rest) -> {
                visit.setArrival(arrival);
                visit.setRest(rest);
            });
        }
    }

    /** The hard rules of this route's vehicle. */
    VehicleRules rules() {
        return rules;
    }

    long latestReturn() {
        return rules.latestReturn();
    }

    TimeWindow depotHours() {
        return rules.depotHours();
    }

    /** The rules whose no-entry stretches the route's time on the road runs into. */
    List<String> noEntryRulesBroken() {
        return rules.noEntryRulesBroken(departureFromDepot(), returnToDepot(), carriesOnlyEssentialGoods());
    }

    /** Every order on the route is essential goods: the stretches of rules that exempt them do not bind it. */
    boolean carriesOnlyEssentialGoods() {
        for (Visit visit : visits) {
            if (!visit.essentialGoods()) {
                return false;
            }
        }
        return !visits.isEmpty();
    }


    public String getId() {
        return id;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    Vehicle vehicle() {
        return vehicle;
    }

    boolean isUnplannedBucket() {
        return vehicle == null;
    }

    boolean isUsed() {
        return !isUnplannedBucket() && !visits.isEmpty();
    }

    /**
     * What makes this route's vehicle plan differently from another's; two empty routes with the
     * same profile are interchangeable, so recreating a plan need try only one of them.
     */
    List<Object> profile() {
        return List.of(vehicle.vehicleClass(), vehicle.capacityKg(), vehicle.capacityM3(), vehicle.costPerKm(),
                vehicle.fixedCost(), rules.earliestDeparture(), rules.latestReturn(), rules.noEntry(), rules.zones());
    }

    long earliestDeparture() {
        return rules.earliestDeparture();
    }

    /** Driving time from the depot to the visit, leaving the depot at {@code leaving}. */
    long secondsFromDepot(Visit visit, long leaving) {
        return matrix.seconds(vehicle.vehicleClass(), DEPOT, visit.locationIndex(), leaving);
    }

    long secondsBetween(Visit from, Visit to, long leaving) {
        return matrix.seconds(vehicle.vehicleClass(), from.locationIndex(), to.locationIndex(), leaving);
    }

    long secondsToDepot(Visit visit, long leaving) {
        return matrix.seconds(vehicle.vehicleClass(), visit.locationIndex(), DEPOT, leaving);
    }

    /** When the vehicle leaves the depot, as the listener timed the first stop ({@link DepotDeparture}). */
    long departureFromDepot() {
        return visits.isEmpty() ? rules.earliestDeparture() : visits.get(0).leftPrevious();
    }

    long returnToDepot() {
        if (visits.isEmpty()) {
            return rules.earliestDeparture();
        }
        Visit last = visits.get(visits.size() - 1);
        return last.departure() + secondsToDepot(last, last.departure());
    }

    double distanceKm() {
        if (visits.isEmpty()) {
            return 0;
        }
        double km = matrix.km(DEPOT, visits.get(0).locationIndex());
        for (int i = 1; i < visits.size(); i++) {
            km += matrix.km(visits.get(i - 1).locationIndex(), visits.get(i).locationIndex());
        }
        return km + matrix.km(visits.get(visits.size() - 1).locationIndex(), DEPOT);
    }

    double legKm(int stopIndex) {
        int from = stopIndex == 0 ? DEPOT : visits.get(stopIndex - 1).locationIndex();
        return matrix.km(from, visits.get(stopIndex).locationIndex());
    }

    long weightExcessGrams() {
        return weightExcessGrams(0);
    }

    /** By how much the load would be over the vehicle's weight capacity with {@code extraGrams} more on board. */
    long weightExcessGrams(long extraGrams) {
        long load = extraGrams;
        for (Visit visit : visits) {
            load += visit.weightGrams();
        }
        return rules.weightExcessGrams(load);
    }

    long volumeExcessLitres() {
        return volumeExcessLitres(0);
    }

    long volumeExcessLitres(long extraLitres) {
        long load = extraLitres;
        for (Visit visit : visits) {
            load += visit.volumeLitres();
        }
        return rules.volumeExcessLitres(load);
    }

    long overtimeSeconds() {
        return rules.overtimeSeconds(returnToDepot());
    }

    /** Seconds by which the driver's duty breaks the driver-hours limits ({@link VehicleRules.Duty}). */
    long dutyExcessSeconds() {
        if (visits.isEmpty()) {
            return 0;
        }
        VehicleRules.Duty duty = rules.duty(departureFromDepot());
        for (Visit visit : visits) {
            duty.stop(visit.getArrival(), visit.serviceStart(), visit.serviceEnd(), visit.restSeconds());
        }
        return duty.excessSeconds(returnToDepot());
    }

    /** Seconds on the road, from depot departure to return, inside a stretch the rule pack forbids. */
    long noEntrySeconds() {
        return rules.noEntrySeconds(departureFromDepot(), returnToDepot(), carriesOnlyEssentialGoods());
    }

    /**
     * Seconds spent in restricted zones during their no-entry intervals: every leg that enters a
     * zone counts whole, and so does waiting for a window at a stop inside one.
     */
    long zoneSeconds() {
        if (!rules.hasZones() || visits.isEmpty()) {
            return 0;
        }
        long total = 0;
        int from = DEPOT;
        long leaving = departureFromDepot();
        for (Visit visit : visits) {
            total += rules.zoneLegSeconds(from, visit.locationIndex(), leaving, visit.getArrival())
                    + rules.zoneWaitSeconds(visit.locationIndex(), visit.getArrival(), visit.serviceStart());
            from = visit.locationIndex();
            leaving = visit.departure();
        }
        return total + rules.zoneLegSeconds(from, DEPOT, leaving, returnToDepot());
    }

    int depotHoursBreaches() {
        return rules.depotHoursBreaches(departureFromDepot(), returnToDepot());
    }

    /** Whether this vehicle, empty, could serve the visit on a route of its own without breaking a hard rule. */
    boolean canServeAlone(Visit visit) {
        if (rules.weightExcessGrams(visit.weightGrams()) > 0 || rules.volumeExcessLitres(visit.volumeLitres()) > 0) {
            return false;
        }
        long departure = visit.departureFromDepotFor(this);
        long arrival = departure + secondsFromDepot(visit, departure);
        long serviceStart = visit.serviceStartFor(arrival);
        long serviceEnd = serviceStart + visit.serviceSeconds();
        long work = rules.workAfterService(rules.workAtDeparture(), departure, arrival, serviceStart, visit.serviceSeconds());
        long rest = rules.restAfterService(work, secondsToDepot(visit, serviceEnd));
        long leaving = serviceEnd + rest;
        long back = leaving + secondsToDepot(visit, leaving);
        VehicleRules.Duty duty = rules.duty(departure);
        duty.stop(arrival, serviceStart, serviceEnd, rest);
        int at = visit.locationIndex();
        long forbidden = rules.noEntrySeconds(departure, back, visit.essentialGoods())
                + rules.zoneLegSeconds(DEPOT, at, departure, arrival)
                + rules.zoneWaitSeconds(at, arrival, serviceStart) + rules.zoneLegSeconds(at, DEPOT, leaving, back);
        return visit.windows().lateness(arrival) == 0 && rules.overtimeSeconds(back) == 0 && forbidden == 0
                && duty.excessSeconds(back) == 0 && rules.depotHoursBreaches(departure, back) == 0;
    }

    /** Running cost in paise ({@link Vehicle#runningCost}: distance at the vehicle's rate plus its fixed cost), once it is used. */
    long costPaise() {
        return Math.round(vehicle.runningCost(distanceKm()) * 100);
    }

    @Override
    public String toString() {
        return id;
    }
}
