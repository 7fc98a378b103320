package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withShift;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.ALL_DAY;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.LAJPAT_NAGAR;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NEHRU_PLACE;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.OKHLA_DEPOT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.at;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.orderAt;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.Severity;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Driver hours, in the given/when/then style of
 * {@link DelhiRulesScenariosTests}: a route, the rule under test with its expected verdict, and
 * the exact set of failing checks of the whole route. Work is loading at the depot (30 min in
 * the shipped pack), driving, waits for a window and service; limits are compared in seconds.
 * Every route here is a Delhi-registered CNG LGV by day at Nehru Place (no zone, window or GRAP
 * rule touches it), on a shift that is the route's own hours unless the row says otherwise.
 */
class DriverHoursScenariosTests {

    private static final RulePack PACK = shippedPack();
    private static final LocalDate DAY = LocalDate.of(2026, 1, 10);
    private static final long MINUTE = 60;
    private static final long HOUR = 3600;

    /** Legs of exactly 30 min, and legs 10 s longer, so a duty lands a few seconds over a limit. */
    private static final FixedLegTravel HALF_HOUR = ComplianceFixtures.HALF_HOUR_LEGS;
    private static final FixedLegTravel HALF_HOUR_AND_10_S = new FixedLegTravel(1810, 12.0);
    /** Night customers' window, so service after midnight is inside it. */
    private static final TimeWindow NIGHT = TimeWindow.of("23:00", "07:00");

    record Stop(GeoPoint where, TimeWindow window, long serviceMinutes, long restMinutesAfter) {
    }

    record Scenario(String name, FixedLegTravel travel, RouteUnderReview review, String ruleUnderTest, Verdict expected,
                    Set<String> failing) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                // loading at the depot is work
                new Scenario("7 h 45 min of work on the road after 30 min of loading is 8 h 15 min of work",
                        HALF_HOUR, route(HALF_HOUR, "08:00", stop(180, 30), stop(195, 0)),
                        "DRV-DAILY-HOURS", Verdict.FAIL, Set.of("DRV-DAILY-HOURS")),
                new Scenario("7 h 30 min of work on the road after 30 min of loading is 8 h: the limit, kept",
                        HALF_HOUR, route(HALF_HOUR, "08:00", stop(180, 30), stop(180, 0)),
                        "DRV-DAILY-HOURS", Verdict.PASS, Set.of()),
                // seconds, not truncated minutes
                new Scenario("a duty 30 s over 8 h (three legs 10 s longer)",
                        HALF_HOUR_AND_10_S, route(HALF_HOUR_AND_10_S, "08:00", stop(180, 30), stop(180, 0)),
                        "DRV-DAILY-HOURS", Verdict.FAIL, Set.of("DRV-DAILY-HOURS")),
                // a wait for a window is work (the vehicle idles on the road), not a break
                new Scenario("a 30-min wait on the road for a window does not break 7 h of work",
                        HALF_HOUR, route(HALF_HOUR, "08:00", stop(150, 0),
                                new Stop(NEHRU_PLACE, TimeWindow.of("12:00", "18:00"), 120, 0)),
                        "DRV-BREAK", Verdict.FAIL, Set.of("DRV-BREAK")),
                new Scenario("a 30-min rest at the premises after service does",
                        HALF_HOUR, route(HALF_HOUR, "08:00", stop(150, 30), stop(120, 0)),
                        "DRV-BREAK", Verdict.PASS, Set.of()),
                // the MTW s.15 proviso, and DELHI-RULES.md scenario 13 read literally
                new Scenario("#13 read literally: 5 h 30 min of work without a break and nothing else that day",
                        HALF_HOUR, route(HALF_HOUR, "08:00", stop(240, 0)),
                        "DRV-BREAK", Verdict.PASS, Set.of()),
                new Scenario("6 h of work without a break: the proviso's limit, kept",
                        HALF_HOUR, route(HALF_HOUR, "08:00", stop(270, 0)),
                        "DRV-BREAK", Verdict.PASS, Set.of()),
                new Scenario("6 h 00 min 20 s of work without a break: over the proviso, the 5 h limit applies",
                        HALF_HOUR_AND_10_S, route(HALF_HOUR_AND_10_S, "08:00", stop(270, 0)),
                        "DRV-BREAK", Verdict.FAIL, Set.of("DRV-BREAK")),
                // rest between duties, bounded by the shift
                new Scenario("10:00-14:00 in a 06:00-22:00 shift leaves 11 h 30 min of rest before and 15 h 30 min after",
                        HALF_HOUR, onShift(route(HALF_HOUR, "10:00", stop(180, 0)), TimeWindow.of("06:00", "22:00")),
                        "DRV-REST", Verdict.PASS, Set.of()),
                new Scenario("leaving at 06:00 in a 06:00-22:00 shift: loading at 05:30, 7 h 30 min after yesterday's shift end",
                        HALF_HOUR, onShift(route(HALF_HOUR, "06:00", stop(180, 0)), TimeWindow.of("06:00", "22:00")),
                        "DRV-REST", Verdict.FAIL, Set.of("DRV-REST")),
                new Scenario("the demo's night shift 23:00-07:00, out at 23:00 and back at 06:30",
                        HALF_HOUR, onShift(route(HALF_HOUR, "23:00", new Stop(NEHRU_PLACE, NIGHT, 180, 30),
                                new Stop(NEHRU_PLACE, NIGHT, 150, 0)), TimeWindow.of("23:00", "07:00")),
                        "DRV-REST", Verdict.PASS, Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        new RouteScenario(s.name(), s.review(), s.ruleUnderTest(), s.expected(), s.failing())
                .holdsFor(new ComplianceVerifier(PACK, s.travel()));
    }

    // ---- Details an officer checks ----

    @Test
    void thirtySecondsOverEightHoursIsReportedToTheSecond() {
        RuleCheck daily = verify(HALF_HOUR_AND_10_S, route(HALF_HOUR_AND_10_S, "08:00", stop(180, 30), stop(180, 0)))
                .check("DRV-DAILY-HOURS").orElseThrow();

        assertThat(daily.evidence())
                .containsEntry("work_s", 8 * HOUR + 30)
                .containsEntry("work", "8 h 00 min 30 s")
                .containsEntry("duty_from", "2026-01-10T07:30+05:30")
                .containsEntry("departure", "2026-01-10T08:00+05:30")
                .containsEntry("depot_loading_min", 30L);
        assertThat(daily.message()).contains("8 h 00 min 30 s", "limit 8 h 00 min 00 s");
    }

    @Test
    void loadingIsWorkOnlyAsLongAsThePackSays(@TempDir Path tmp) throws Exception {
        RouteUnderReview day = route(HALF_HOUR, "08:00", stop(180, 30), stop(195, 0));
        Path noLoading = ComplianceFixtures.editedCopy(tmp,
                "params: {max_duty_min_per_day: 480, min_break_min: 30, depot_loading_min: 30}",
                "params: {max_duty_min_per_day: 480, min_break_min: 30, depot_loading_min: 0}");
        ComplianceVerifier withoutLoading = new ComplianceVerifier(RulePackLoader.load(noLoading), HALF_HOUR);

        assertThat(verify(HALF_HOUR, day).check("DRV-DAILY-HOURS").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(withoutLoading.verify(day).check("DRV-DAILY-HOURS").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aWaitForAWindowIsOnTheRoadForTheMarketBanAndWorkForTheDriver() {
        // arrives at Lajpat Nagar market 12:30, waits on the road until its window opens at 13:00
        RouteVerdict verdict = verify(HALF_HOUR, route(HALF_HOUR, "08:00", stop(210, 0),
                new Stop(LAJPAT_NAGAR, TimeWindow.of("13:00", "18:00"), 60, 0)));

        RuleCheck markets = verdict.check("DL-NOENTRY-MARKETS").orElseThrow();
        RuleCheck drvBreak = verdict.check("DRV-BREAK").orElseThrow();
        assertThat(markets.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(markets.evidence().get("violations").toString())
                .contains("waiting at stop ORD-2", "2026-01-10T12:30+05:30", "2026-01-10T13:00+05:30");
        assertThat(drvBreak.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(drvBreak.evidence().get("waits_counted_as_work"))
                .isEqualTo(List.of("2026-01-10T12:30+05:30 to 2026-01-10T13:00+05:30"));
        assertThat(drvBreak.evidence().get("breaks")).isEqualTo(List.of());
        assertThat(drvBreak.evidence()).containsEntry("longest_continuous_work", "7 h 00 min 00 s");
    }

    @Test
    void theProvisoIsNamedWhenItExcusesTheBreak() {
        RuleCheck drvBreak = verify(HALF_HOUR, route(HALF_HOUR, "08:00", stop(240, 0))).check("DRV-BREAK").orElseThrow();

        assertThat(drvBreak.evidence())
                .containsEntry("work", "5 h 30 min 00 s")
                .containsEntry("longest_continuous_work", "5 h 30 min 00 s");
        assertThat(drvBreak.evidence().get("proviso").toString()).contains("MTW Act s.15 proviso", "360 min");
        assertThat(drvBreak.message()).startsWith("no break needed");
    }

    @Test
    void theRestBetweenDutiesNamesTheShiftBoundsItRestsOn() {
        RuleCheck rest = verify(HALF_HOUR, onShift(route(HALF_HOUR, "06:00", stop(180, 0)), TimeWindow.of("06:00", "22:00")))
                .check("DRV-REST").orElseThrow();

        assertThat(rest.evidence())
                .containsEntry("shift", "06:00-22:00")
                .containsEntry("previous_duty_ended_by", "2026-01-09T22:00+05:30")
                .containsEntry("rest_before", "7 h 30 min 00 s")
                .containsEntry("next_duty_starts_from", "2026-01-11T05:30+05:30");
        assertThat(rest.severity()).isEqualTo(Severity.HARD);
    }

    @Test
    void aRouteOutsideItsShiftLeavesTheRestUnknownAndFailsTheShift() {
        RouteVerdict verdict = verify(HALF_HOUR, onShift(route(HALF_HOUR, "05:00", stop(180, 0)), TimeWindow.of("06:00", "22:00")));

        assertThat(verdict.check("DRV-REST").orElseThrow().verdict()).isEqualTo(Verdict.NOT_EVALUATED);
        assertThat(verdict.check("PLAN-SHIFT").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void theWeeklyLimitIsHardAsTheRulesDocumentSaysThoughOneRouteCannotShowAWeek() {
        RuleCheck weekly = verify(HALF_HOUR, route(HALF_HOUR, "08:00", stop(180, 0))).check("DRV-WEEKLY").orElseThrow();

        assertThat(weekly.severity()).isEqualTo(Severity.HARD);
        assertThat(weekly.verdict()).isEqualTo(Verdict.NOT_EVALUATED);
        assertThat(weekly.message()).contains("whole week");
    }

    // ---- Routes ----

    /** A stop at Nehru Place, open all day, served for {@code serviceMinutes}, then a rest at the premises. */
    static Stop stop(long serviceMinutes, long restMinutesAfter) {
        return new Stop(NEHRU_PLACE, ALL_DAY, serviceMinutes, restMinutesAfter);
    }

    static Vehicle lgvCngDelhi() {
        return vehicle("DL-1L-LGV-CNG", VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 2, 1), "DL", 3_500,
                ALL_DAY);
    }

    /**
     * The route as a planner using {@code travel} would store it, leaving at {@code from}: each
     * stop's service starts at the later of arrival and its window, and its rest follows service.
     * The vehicle's shift is the route's own hours, so the plan's shift check and the rest between
     * duties (at least 24 h less the duty) stay out of the way.
     */
    static RouteUnderReview route(FixedLegTravel travel, String from, Stop... stops) {
        long departure = at(from);
        long clock = departure;
        List<Order> orders = new ArrayList<>();
        List<PlannedStop> planned = new ArrayList<>();
        for (Stop s : stops) {
            Order order = orderAt("ORD-" + (orders.size() + 1), s.where(), 100, s.window(), (int) s.serviceMinutes(), "GENERAL");
            long arrival = clock + travel.legSeconds();
            long serviceStart = order.windows().serviceStart(arrival);
            clock = serviceStart + s.serviceMinutes() * MINUTE + s.restMinutesAfter() * MINUTE;
            orders.add(order);
            planned.add(new PlannedStop(planned.size() + 1, order.id(), arrival, serviceStart, clock, travel.legKm(), 0));
        }
        long back = clock + travel.legSeconds();
        Vehicle v = withShift(lgvCngDelhi(), new TimeWindow(java.time.LocalTime.ofSecondOfDay(departure % 86_400),
                java.time.LocalTime.ofSecondOfDay(back % 86_400)));
        PlannedRoute route = new PlannedRoute(v.id(), OKHLA_DEPOT.id(), departure, back, travel.legKm() * (stops.length + 1),
                planned);
        return new RouteUnderReview(DAY, GrapCalendar.constant(1, "constant"), OKHLA_DEPOT, v, route, orders, List.of());
    }

    static RouteUnderReview onShift(RouteUnderReview r, TimeWindow shift) {
        return new RouteUnderReview(r.planDate(), r.grap(), r.depot(), withShift(r.vehicle(), shift), r.route(),
                r.ordersInStopOrder(), r.permits());
    }

    private static RouteVerdict verify(FixedLegTravel travel, RouteUnderReview review) {
        return new ComplianceVerifier(PACK, travel).verify(review);
    }
}
