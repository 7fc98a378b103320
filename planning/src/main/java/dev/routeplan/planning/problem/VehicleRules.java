package dev.routeplan.planning.problem;

import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * The hard rules one vehicle's routes must keep, in the one place the solver's model and the hand
 * planner both ask: capacity, when the route leaves the depot, back by shift end, depot hours, the
 * pack's no-entry hours, restricted zones (legs through {@link ZoneHits}, so a road crossing shorter
 * than the zone's {@code min_along_m} does not count) and the driver's hours, with a break at the
 * premises after service where the next leg would run past the continuous-work limit. The
 * verifier keeps its own copy on purpose: it checks these.
 *
 * <p>Times are seconds from the plan date's midnight; points are indexes into the problem's points,
 * the depot first ({@link DepotProblem#points()}). Plain arithmetic, no allocation: the solver asks
 * millions of times.
 */
public final class VehicleRules {

    public static final int DEPOT = 0;

    private final long capacityGrams;
    private final long capacityLitres;
    private final long earliestDeparture;
    private final long latestReturn;
    private final TimeWindow depotHours;
    private final List<NoEntryInterval> noEntry;
    private final List<ZoneNoEntry> zones;
    private final ZoneHits zoneHits;
    private final DriverLimits limits;
    private final long breakLength;

    private VehicleRules(long capacityGrams, long capacityLitres, long earliestDeparture, long latestReturn,
                         TimeWindow depotHours, List<NoEntryInterval> noEntry, List<ZoneNoEntry> zones, ZoneHits zoneHits,
                         DriverLimits limits) {
        this.capacityGrams = capacityGrams;
        this.capacityLitres = capacityLitres;
        this.earliestDeparture = earliestDeparture;
        this.latestReturn = latestReturn;
        this.depotHours = depotHours;
        this.noEntry = List.copyOf(noEntry);
        this.zones = List.copyOf(zones);
        this.zoneHits = zoneHits;
        this.limits = limits;
        this.breakLength = Math.max(1, limits.breakSeconds());
    }

    /** The rules of {@code vehicle} in {@code problem}; {@code zoneHits} over the problem's points. */
    public static VehicleRules of(DepotProblem problem, Vehicle vehicle, ZoneHits zoneHits) {
        return of(vehicle, problem.depot().openingHours(), problem.noEntryFor(vehicle), problem.zoneNoEntryFor(vehicle),
                zoneHits, problem.driverLimits());
    }

    /**
     * The vehicle leaves no earlier than its shift and the stretches that bind whatever it
     * carries allow; stretches essential goods lift do not hold it at the depot, so a route of
     * essential goods may run in them and any other route is penalised for them. A shift too long
     * to leave the rest between duties (yesterday's ending at its end, tomorrow's loading before
     * its start) is shortened at both ends, as the verifier's DRV-REST reads it.
     */
    public static VehicleRules of(Vehicle vehicle, TimeWindow depotHours, List<NoEntryInterval> noEntry,
                                  List<ZoneNoEntry> zones, ZoneHits zoneHits, DriverLimits limits) {
        List<NoEntryInterval> bindingAll = noEntry.stream().filter(i -> i.binds(true)).toList();
        long start = vehicle.shift().startSeconds();
        long end = vehicle.shift().endSeconds();
        long rest = limits.minRestBetweenDutiesSeconds();
        if (rest > 0) {
            start = Math.max(start, end - TimeWindow.SECONDS_PER_DAY + rest + limits.loadingSeconds());
            end = Math.min(end, vehicle.shift().startSeconds() + TimeWindow.SECONDS_PER_DAY - limits.loadingSeconds() - rest);
        }
        return new VehicleRules(grams(vehicle.capacityKg()), grams(vehicle.capacityM3()),
                DepotDeparture.earliest(start, bindingAll), end, depotHours, noEntry, zones, zoneHits, limits);
    }

    /** No vehicle, no rules: the solver's bucket of unassigned orders. */
    public static VehicleRules none() {
        return new VehicleRules(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, TimeWindow.of("00:00", "00:00"), List.of(), List.of(),
                null, DriverLimits.none());
    }

    /** Kilograms or cubic metres in grams or litres, as loads are counted. */
    public static long grams(double thousands) {
        return Math.round(thousands * 1000);
    }

    public long earliestDeparture() {
        return earliestDeparture;
    }

    public long latestReturn() {
        return latestReturn;
    }

    public TimeWindow depotHours() {
        return depotHours;
    }

    public List<NoEntryInterval> noEntry() {
        return noEntry;
    }

    public List<ZoneNoEntry> zones() {
        return zones;
    }

    public DriverLimits limits() {
        return limits;
    }

    /** When a route whose first stop has {@code windows} leaves the depot ({@link DepotDeparture}). */
    public long departureFor(DeliveryWindows windows, LongUnaryOperator driveFromDepot) {
        return DepotDeparture.forFirstStop(earliestDeparture, windows, driveFromDepot);
    }

    public long weightExcessGrams(long loadGrams) {
        return Math.max(0, loadGrams - capacityGrams);
    }

    public long volumeExcessLitres(long loadLitres) {
        return Math.max(0, loadLitres - capacityLitres);
    }

    /** The driver's work when the route leaves the depot: loading the vehicle there. */
    public long workAtDeparture() {
        return limits.loadingSeconds();
    }

    /**
     * Continuous work since the driver's last break on finishing service at a stop: the drive
     * there, the wait for the window (the vehicle idles on the road: work, never a break) and the
     * service. {@code arrival} is kept for the callers' clarity: drive and wait are both work.
     */
    public long workAfterService(long workBefore, long leaving, long arrival, long serviceStart, long serviceSeconds) {
        return workBefore + (serviceStart - leaving) + serviceSeconds;
    }

    /**
     * The break the driver takes at the premises after service: one where the work ahead (the next
     * leg and the next stop's service, or the drive home) would run past the continuous limit.
     */
    public long restAfterService(long work, long ahead) {
        return limits.breaksPlanned() && work + ahead > limits.maxContinuousWorkSeconds() ? limits.breakSeconds() : 0;
    }

    /** Counts a route's duty from depot departure, stop by stop, for {@link Duty#excessSeconds}. */
    public Duty duty(long departure) {
        return new Duty(departure);
    }

    public long overtimeSeconds(long back) {
        return Math.max(0, back - latestReturn);
    }

    /**
     * Seconds on the road, from depot departure to return, inside a stretch the rule pack forbids;
     * a route carrying only essential goods ({@code essentialOnly}) is free of the stretches of
     * rules that exempt them.
     */
    public long noEntrySeconds(long departure, long back, boolean essentialOnly) {
        long total = 0;
        for (NoEntryInterval interval : noEntry) {
            if (interval.binds(essentialOnly)) {
                total += interval.overlapSeconds(departure, back);
            }
        }
        return total;
    }

    /** The rules whose stretches a route from {@code departure} to {@code back} runs into. */
    public List<String> noEntryRulesBroken(long departure, long back, boolean essentialOnly) {
        return noEntry.stream().filter(i -> i.binds(essentialOnly) && i.overlapSeconds(departure, back) > 0)
                .map(NoEntryInterval::ruleId).distinct().toList();
    }

    public int depotHoursBreaches(long departure, long back) {
        return (depotHours.containsOnAnyDay(departure) ? 0 : 1) + (depotHours.containsOnAnyDay(back) ? 0 : 1);
    }

    public boolean hasZones() {
        return !zones.isEmpty();
    }

    /** Seconds of a leg inside the vehicle's zones while closed: a leg that enters one counts whole. */
    public long zoneLegSeconds(int from, int to, long leaving, long arrival) {
        long total = 0;
        for (ZoneNoEntry zone : zones) {
            if (zoneHits.leg(zone.zoneId(), from, to)) {
                total += closedSeconds(zone, leaving, arrival);
            }
        }
        return total;
    }

    /** Seconds waiting for a window at a stop inside one of the vehicle's zones while it is closed. */
    public long zoneWaitSeconds(int point, long arrival, long serviceStart) {
        long total = 0;
        for (ZoneNoEntry zone : zones) {
            if (zoneHits.stop(zone.zoneId(), point)) {
                total += closedSeconds(zone, arrival, serviceStart);
            }
        }
        return total;
    }

    private static long closedSeconds(ZoneNoEntry zone, long start, long end) {
        long total = 0;
        for (NoEntryInterval interval : zone.intervals()) {
            total += interval.overlapSeconds(start, end);
        }
        return total;
    }

    /**
     * A route's duty against the driver-hours limits: the longest stretch of continuous work, the
     * work of the duty and its spread-over, from the start of loading at the depot. Loading,
     * driving, waits for a window and service are work; a rest after service as long as a break
     * is a break. A duty with no more work than the proviso allows needs no break.
     */
    public final class Duty {

        private final long start;
        private long clock;
        private long block;
        private long longest;
        private long work;

        private Duty(long departure) {
            this.start = departure - limits.loadingSeconds();
            this.clock = departure;
            this.block = limits.loadingSeconds();
            this.work = limits.loadingSeconds();
        }

        /** The next stop: arrived, served from {@code serviceStart} to {@code serviceEnd}, then rested. */
        public void stop(long arrival, long serviceStart, long serviceEnd, long rest) {
            long driveAndWait = serviceStart - clock;
            long service = serviceEnd - serviceStart;
            block += driveAndWait;
            work += driveAndWait;
            block += service;
            work += service;
            if (rest >= breakLength) {
                longest = Math.max(longest, block);
                block = 0;
            } else {
                block += rest;
                work += rest;
            }
            clock = serviceEnd + rest;
        }

        /** Seconds by which the duty, back at the depot at {@code back}, breaks the limits. */
        public long excessSeconds(long back) {
            long lastBlock = block + back - clock;
            long allWork = work + back - clock;
            boolean breakNeeded = allWork > limits.breakNotNeededUpToSeconds();
            return (breakNeeded ? Math.max(0, Math.max(longest, lastBlock) - limits.maxContinuousWorkSeconds()) : 0)
                    + Math.max(0, allWork - limits.maxWorkSeconds())
                    + Math.max(0, back - start - limits.maxSpreadSeconds());
        }
    }
}
