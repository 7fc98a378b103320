package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.Severity;
import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's own hard constraints, checked again on the recomputed timeline. Their ids are
 * fixed, not taken from the pack: they hold whatever the law says.
 */
final class PlanChecks {

    static final String CAPACITY_KG = "PLAN-CAPACITY-KG";
    static final String CAPACITY_M3 = "PLAN-CAPACITY-M3";
    static final String TIME_WINDOW = "PLAN-TIME-WINDOW";
    static final String SHIFT = "PLAN-SHIFT";
    static final String DEPOT_HOURS = "PLAN-DEPOT-HOURS";
    static final String TIMELINE = "PLAN-TIMELINE";
    /** The evidence key of {@link #TIMELINE} holding the legs table; the reports read it. */
    static final String LEGS = "legs";

    /** Solver and verifier round travel times independently; a minute apart is the same plan. */
    static final long TIMELINE_TOLERANCE_SECONDS = 60;
    static final double DISTANCE_TOLERANCE = 0.01;

    private final RouteUnderReview review;
    private final RouteTimeline timeline;
    private final PlanClock clock;
    private final String travelModel;

    PlanChecks(RouteUnderReview review, RouteTimeline timeline, String travelModel) {
        this.review = review;
        this.timeline = timeline;
        this.clock = new PlanClock(review.planDate());
        this.travelModel = travelModel;
    }

    List<RuleCheck> all() {
        return List.of(capacityKg(), capacityM3(), timeWindows(), shift(), depotHours(), storedTimeline());
    }

    private RuleCheck capacityKg() {
        double load = review.ordersInStopOrder().stream().mapToDouble(Order::weightKg).sum();
        return capacity(CAPACITY_KG, "kg", load, review.vehicle().capacityKg());
    }

    private RuleCheck capacityM3() {
        double load = review.ordersInStopOrder().stream().mapToDouble(Order::volumeM3).sum();
        return capacity(CAPACITY_M3, "m3", load, review.vehicle().capacityM3());
    }

    private RuleCheck capacity(String id, String unit, double load, double capacity) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("load_" + unit, load);
        evidence.put("capacity_" + unit, capacity);
        boolean ok = load <= capacity + 1e-9;
        return check(id, ok, (ok ? "load " : "overloaded: load ") + load + " " + unit + " of " + capacity + " " + unit,
                evidence);
    }

    /** Service must start inside one of the order's windows [start, end); arriving early means waiting. */
    private RuleCheck timeWindows() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<String> late = new ArrayList<>();
        for (RouteTimeline.StopTime stop : timeline.stops()) {
            DeliveryWindows window = stop.order().windows();
            if (!window.contains(stop.serviceStartSeconds())) {
                late.add(stop.order().id());
                evidence.put(stop.order().id(), Map.of(
                        "service_start", iso(stop.serviceStartSeconds()),
                        "window", window.toString()));
            }
        }
        evidence.put("stops_checked", timeline.stops().size());
        return check(TIME_WINDOW, late.isEmpty(), late.isEmpty() ? "every service starts inside its window"
                : "service starts outside the window for " + late, evidence);
    }

    /** The whole route must fit in one occurrence of the driver's shift (yesterday's, today's or tomorrow's). */
    private RuleCheck shift() {
        TimeWindow shift = review.vehicle().shift();
        long dep = timeline.departureSeconds();
        long ret = timeline.returnSeconds();
        boolean ok = false;
        for (long d = -1; d <= 1 && !ok; d++) {
            long offset = d * TimeWindow.SECONDS_PER_DAY;
            ok = dep >= shift.startSeconds() + offset && ret <= shift.endSeconds() + offset;
        }
        return check(SHIFT, ok, (ok ? "route within shift " : "route outside shift ") + shift,
                times("shift", shift));
    }

    /** The depot must be open when the vehicle leaves and when it comes back, not in between. */
    private RuleCheck depotHours() {
        TimeWindow hours = review.depot().openingHours();
        boolean leavesOpen = open(hours, timeline.departureSeconds(), false);
        boolean returnsOpen = open(hours, timeline.returnSeconds(), true);
        String message = leavesOpen && returnsOpen ? "depot open at departure and return"
                : "depot " + hours + " closed at " + (leavesOpen ? "return" : "departure");
        return check(DEPOT_HOURS, leavesOpen && returnsOpen, message, times("depot_hours", hours));
    }

    /** Open at the instant; a return exactly at closing time still finds the gate open. */
    private static boolean open(TimeWindow hours, long seconds, boolean closingInclusive) {
        if (hours.lengthSeconds() >= TimeWindow.SECONDS_PER_DAY) {
            return true;
        }
        for (long d = -1; d <= 1; d++) {
            long start = hours.startSeconds() + d * TimeWindow.SECONDS_PER_DAY;
            long end = hours.endSeconds() + d * TimeWindow.SECONDS_PER_DAY;
            if (seconds >= start && (seconds < end || (closingInclusive && seconds == end))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Object> times(String windowName, TimeWindow window) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("departure", iso(timeline.departureSeconds()));
        evidence.put("return", iso(timeline.returnSeconds()));
        evidence.put(windowName, window.toString());
        return evidence;
    }

    /** The stored times and distance must be the ones the travel model gives; otherwise the plan lies. */
    private RuleCheck storedTimeline() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<PlannedStop> stored = review.route().stops();
        if (stored.size() != timeline.stops().size()) {
            problems.add("route has " + stored.size() + " stops, orders given " + timeline.stops().size());
        } else {
            for (int i = 0; i < stored.size(); i++) {
                PlannedStop s = stored.get(i);
                RouteTimeline.StopTime t = timeline.stops().get(i);
                if (!s.orderId().equals(t.order().id())) {
                    problems.add("stop " + s.sequence() + " is " + s.orderId() + ", expected " + t.order().id());
                    continue;
                }
                compare(problems, s.orderId() + " arrival", s.arrivalSeconds(), t.arrivalSeconds());
                compare(problems, s.orderId() + " service start", s.serviceStartSeconds(), t.serviceStartSeconds());
                compare(problems, s.orderId() + " departure", s.departureSeconds(), t.departureSeconds());
            }
        }
        compare(problems, "return", review.route().returnSeconds(), timeline.returnSeconds());
        double storedKm = review.route().distanceKm();
        if (Math.abs(storedKm - timeline.distanceKm()) > DISTANCE_TOLERANCE * timeline.distanceKm()) {
            problems.add("distance " + storedKm + " km, recomputed " + round(timeline.distanceKm()) + " km");
        }
        evidence.put("recomputed_return", iso(timeline.returnSeconds()));
        evidence.put("recomputed_distance_km", round(timeline.distanceKm()));
        if (!problems.isEmpty()) {
            evidence.put("differences", problems);
        }
        evidence.put("travel_model", travelModel);
        evidence.put(LEGS, legs());
        return check(TIMELINE, problems.isEmpty(), problems.isEmpty()
                ? "stored times within " + TIMELINE_TOLERANCE_SECONDS + " s and distance within 1 % of the travel model"
                : "stored plan differs from the travel model: " + String.join("; ", problems), evidence);
    }

    /**
     * Every drive of the recomputed timeline, depot legs included, in order: where from and to
     * (names and positions), when it departs and arrives, how far. Every other check's times come
     * from this table, so an officer who redoes each leg with the travel model has the whole route.
     */
    private List<Map<String, Object>> legs() {
        List<Map<String, Object>> legs = new ArrayList<>();
        double kmBeforeReturn = 0;
        for (int i = 0; i < timeline.legs().size(); i++) {
            RouteTimeline.Leg leg = timeline.legs().get(i);
            boolean toStop = i < timeline.stops().size();
            double km = toStop ? timeline.stops().get(i).legKm() : timeline.distanceKm() - kmBeforeReturn;
            kmBeforeReturn += toStop ? km : 0;
            Map<String, Object> row = new LinkedHashMap<>();
            String[] ends = leg.label().split(" -> ", 2);
            row.put("from", ends[0]);
            row.put("to", ends.length > 1 ? ends[1] : "");
            row.put("depart", iso(leg.startSeconds()));
            row.put("arrive", iso(leg.endSeconds()));
            row.put("from_position", position(leg.from()));
            row.put("to_position", position(leg.to()));
            row.put("km", round(km));
            legs.add(row);
        }
        return legs;
    }

    private static String position(dev.routeplan.planning.domain.GeoPoint p) {
        return p.lat() + "," + p.lon();
    }

    private void compare(List<String> problems, String what, long stored, long recomputed) {
        if (Math.abs(stored - recomputed) > TIMELINE_TOLERANCE_SECONDS) {
            problems.add(what + " stored " + iso(stored) + ", recomputed " + iso(recomputed));
        }
    }

    private static double round(double km) {
        return Math.round(km * 1000) / 1000.0;
    }

    private String iso(long seconds) {
        return clock.at(seconds).toString();
    }

    private static RuleCheck check(String id, boolean ok, String message, Map<String, Object> evidence) {
        return new RuleCheck(id, ok ? Verdict.PASS : Verdict.FAIL, Severity.HARD, message, evidence);
    }
}
