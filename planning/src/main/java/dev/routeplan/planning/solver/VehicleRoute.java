package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import dev.routeplan.planning.problem.DepotDeparture;
import dev.routeplan.planning.problem.DriverLimits;
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

    static final int DEPOT = 0;

    @PlanningId
    private String id;
    private Vehicle vehicle;
    private TravelMatrix matrix;
    private long earliestDeparture;
    private long latestReturn;
    private TimeWindow depotHours;
    private List<NoEntryInterval> noEntry;
    private DriverLimits limits;
    private List<ZoneNoEntry> zoneNoEntry;
    private ZoneHits zoneHits;

    @PlanningListVariable(valueRangeProviderRefs = "visits")
    private List<Visit> visits = new ArrayList<>();

    public VehicleRoute() {
        // for OptaPlanner's solution cloner
    }

    private VehicleRoute(String id, Vehicle vehicle, TravelMatrix matrix, long earliestDeparture, long latestReturn,
                         TimeWindow depotHours, List<NoEntryInterval> noEntry, List<ZoneNoEntry> zoneNoEntry,
                         ZoneHits zoneHits, DriverLimits limits) {
        this.limits = limits;
        this.zoneNoEntry = List.copyOf(zoneNoEntry);
        this.zoneHits = zoneHits;
        this.id = id;
        this.vehicle = vehicle;
        this.matrix = matrix;
        this.earliestDeparture = earliestDeparture;
        this.latestReturn = latestReturn;
        this.depotHours = depotHours;
        this.noEntry = List.copyOf(noEntry);
    }

    static VehicleRoute of(Vehicle vehicle, TravelMatrix matrix, TimeWindow depotHours, List<NoEntryInterval> noEntry,
                           List<ZoneNoEntry> zoneNoEntry, ZoneHits zoneHits, DriverLimits limits) {
        long shiftStart = vehicle.shift().startSeconds();
        return new VehicleRoute(vehicle.id(), vehicle, matrix, DepotDeparture.earliest(shiftStart, noEntry),
                vehicle.shift().endSeconds(), depotHours, noEntry, zoneNoEntry, zoneHits, limits);
    }

    static VehicleRoute unplannedBucket(String depotId) {
        return new VehicleRoute("unplanned-" + depotId, null, null, 0, 0, TimeWindow.of("00:00", "00:00"), List.of(),
                List.of(), null, DriverLimits.none());
    }

    /**
     * The same vehicle with {@code visits} in that order, linked and timed as the solver's listener
     * would: a trial route, apart from the plan, for asking what serving those visits would break.
     */
    VehicleRoute withVisits(List<Visit> trialVisits) {
        VehicleRoute trial = new VehicleRoute(id, vehicle, matrix, earliestDeparture, latestReturn, depotHours, noEntry,
                zoneNoEntry, zoneHits, limits);
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

    long latestReturn() {
        return latestReturn;
    }

    TimeWindow depotHours() {
        return depotHours;
    }

    /** The rules whose no-entry stretches the route's time on the road runs into. */
    List<String> noEntryRulesBroken() {
        long from = departureFromDepot();
        long to = returnToDepot();
        return noEntry.stream().filter(interval -> interval.overlapSeconds(from, to) > 0).map(NoEntryInterval::ruleId)
                .distinct().toList();
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
                vehicle.fixedCost(), earliestDeparture, latestReturn, noEntry, zoneNoEntry);
    }

    long earliestDeparture() {
        return earliestDeparture;
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
        return visits.isEmpty() ? earliestDeparture : visits.get(0).leftPrevious();
    }

    long returnToDepot() {
        if (visits.isEmpty()) {
            return earliestDeparture;
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
        return Math.max(0, load - Math.round(vehicle.capacityKg() * 1000));
    }

    long volumeExcessLitres() {
        return volumeExcessLitres(0);
    }

    long volumeExcessLitres(long extraLitres) {
        long load = extraLitres;
        for (Visit visit : visits) {
            load += visit.volumeLitres();
        }
        return Math.max(0, load - Math.round(vehicle.capacityM3() * 1000));
    }

    long overtimeSeconds() {
        return Math.max(0, returnToDepot() - latestReturn);
    }

    DriverLimits limits() {
        return limits;
    }

    /**
     * Seconds by which the driver's duty breaks the driver-hours limits: the longest stretch of
     * continuous work, the work of the duty and its spread-over. As the verifier counts it: driving,
     * service and waits shorter than a break are work; a longer wait, or a rest after service, is a break.
     */
    long dutyExcessSeconds() {
        if (visits.isEmpty()) {
            return 0;
        }
        long breakLength = Math.max(1, limits.breakSeconds());
        long departure = departureFromDepot();
        long clock = departure;
        long block = 0;
        long longest = 0;
        long work = 0;
        for (Visit visit : visits) {
            long drive = visit.getArrival() - clock;
            long wait = visit.serviceStart() - visit.getArrival();
            long service = visit.serviceEnd() - visit.serviceStart();
            block += drive;
            work += drive;
            if (wait >= breakLength) {
                longest = Math.max(longest, block);
                block = 0;
            } else {
                block += wait;
                work += wait;
            }
            block += service;
            work += service;
            if (visit.restSeconds() >= breakLength) {
                longest = Math.max(longest, block);
                block = 0;
            } else {
                block += visit.restSeconds();
                work += visit.restSeconds();
            }
            clock = visit.departure();
        }
        long back = returnToDepot();
        block += back - clock;
        work += back - clock;
        longest = Math.max(longest, block);
        return Math.max(0, longest - limits.maxContinuousWorkSeconds()) + Math.max(0, work - limits.maxWorkSeconds())
                + Math.max(0, back - departure - limits.maxSpreadSeconds());
    }

    /** Seconds on the road, from depot departure to return, inside a stretch the rule pack forbids. */
    long noEntrySeconds() {
        long from = departureFromDepot();
        long to = returnToDepot();
        return noEntry.stream().mapToLong(interval -> interval.overlapSeconds(from, to)).sum();
    }

    /**
     * Seconds spent in restricted zones during their no-entry intervals: every leg that enters a
     * zone counts whole, and so does waiting for a window at a stop inside one.
     */
    long zoneSeconds() {
        if (zoneNoEntry.isEmpty() || visits.isEmpty()) {
            return 0;
        }
        long total = 0;
        for (ZoneNoEntry zone : zoneNoEntry) {
            int from = DEPOT;
            long leaving = departureFromDepot();
            for (Visit visit : visits) {
                total += inZone(zone, from, visit.locationIndex(), leaving, visit.getArrival());
                if (zoneHits.stop(zone.zoneId(), visit.locationIndex())) {
                    total += overlap(zone, visit.getArrival(), visit.serviceStart());
                }
                from = visit.locationIndex();
                leaving = visit.departure();
            }
            total += inZone(zone, from, DEPOT, leaving, returnToDepot());
        }
        return total;
    }

    private long inZone(ZoneNoEntry zone, int from, int to, long start, long end) {
        return zoneHits.leg(zone.zoneId(), from, to) ? overlap(zone, start, end) : 0;
    }

    private static long overlap(ZoneNoEntry zone, long start, long end) {
        return zone.intervals().stream().mapToLong(interval -> interval.overlapSeconds(start, end)).sum();
    }

    int depotHoursBreaches() {
        return (depotHours.containsOnAnyDay(departureFromDepot()) ? 0 : 1)
                + (depotHours.containsOnAnyDay(returnToDepot()) ? 0 : 1);
    }

    /** Whether this vehicle, empty, could serve the visit on a route of its own without breaking a hard rule. */
    boolean canServeAlone(Visit visit) {
        if (visit.weightGrams() > Math.round(vehicle.capacityKg() * 1000)
                || visit.volumeLitres() > Math.round(vehicle.capacityM3() * 1000)) {
            return false;
        }
        long departure = visit.departureFromDepotFor(this);
        long arrival = departure + secondsFromDepot(visit, departure);
        long serviceStart = visit.serviceStartFor(arrival);
        long serviceEnd = serviceStart + visit.serviceSeconds();
        // the same duty rules as the listener and dutyExcessSeconds(), for a route of one stop
        long breakLength = Math.max(1, limits.breakSeconds());
        long wait = serviceStart - arrival;
        long block = wait >= breakLength ? visit.serviceSeconds() : serviceEnd - departure;
        long longest = wait >= breakLength ? arrival - departure : 0;
        long inbound = secondsToDepot(visit, serviceEnd);
        long rest = limits.breaksPlanned() && block + inbound > limits.maxContinuousWorkSeconds() ? limits.breakSeconds() : 0;
        long leaving = serviceEnd + rest;
        long back = leaving + secondsToDepot(visit, leaving);
        longest = rest > 0 ? Math.max(Math.max(longest, block), back - leaving) : Math.max(longest, block + back - leaving);
        long work = serviceEnd - departure - (wait >= breakLength ? wait : 0) + back - leaving;
        long forbidden = noEntry.stream().mapToLong(interval -> interval.overlapSeconds(departure, back)).sum();
        for (ZoneNoEntry zone : zoneNoEntry) {
            forbidden += inZone(zone, DEPOT, visit.locationIndex(), departure, arrival)
                    + inZone(zone, visit.locationIndex(), DEPOT, leaving, back)
                    + (zoneHits.stop(zone.zoneId(), visit.locationIndex()) ? overlap(zone, arrival, serviceStart) : 0);
        }
        return visit.windows().lateness(arrival) == 0 && back <= latestReturn && forbidden == 0
                && longest <= limits.maxContinuousWorkSeconds() && work <= limits.maxWorkSeconds()
                && back - departure <= limits.maxSpreadSeconds()
                && depotHours.containsOnAnyDay(departure) && depotHours.containsOnAnyDay(back);
    }

    /** Running cost in paise: distance at the vehicle's rate plus its fixed cost once it is used. */
    long costPaise() {
        return Math.round((distanceKm() * vehicle.costPerKm() + vehicle.fixedCost()) * 100);
    }

    @Override
    public String toString() {
        return id;
    }
}
