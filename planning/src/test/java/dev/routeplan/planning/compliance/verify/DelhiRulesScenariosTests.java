package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withShift;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withAxles;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.ALL_DAY;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.KHAN_MARKET;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.LAJPAT_NAGAR;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NAJAFGARH_PHIRNI_DEPOT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NEHRU_PLACE;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.OKHLA_DEPOT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.UJWA;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.at;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.nightRouteWithBreaks;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.orderAt;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.planned;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.GrapStageChange;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.Severity;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 15 scenarios of DELHI-RULES.md section 9, one row per case (run with the other tables by
 * {@link ComplianceScenariosTests}): the route, the rule under test with its expected verdict, and
 * the exact set of failing checks of the whole route. Then the details beyond the verdicts and one
 * test per exemption.
 */
class DelhiRulesScenariosTests {

    private static final RulePack PACK = shippedPack();
    private static final ComplianceVerifier VERIFIER = new ComplianceVerifier(PACK, HALF_HOUR_LEGS);

    private static final String FURNITURE = "FURNITURE";
    private static final String MILK = "MILK";
    private static final String VEGETABLES = "VEGETABLES";
    private static final String GARMENTS = "GARMENTS";

    private static final LocalDate JAN_10_2026 = LocalDate.of(2026, 1, 10);
    private static final LocalDate JAN_11_2026 = LocalDate.of(2026, 1, 11);
    private static final LocalDate NOV_01_2026 = LocalDate.of(2026, 11, 1);
    private static final LocalDate MAR_14_2026 = LocalDate.of(2026, 3, 14);
    private static final LocalDate FEB_28_2026 = LocalDate.of(2026, 2, 28);

    private static final GrapCalendar STAGE_I = GrapCalendar.constant(1, "constant");
    private static final GrapCalendar STAGE_II = GrapCalendar.constant(2, "constant");
    private static final GrapCalendar STAGE_III = GrapCalendar.constant(3, "constant");
    private static final GrapCalendar STAGE_IV = GrapCalendar.constant(4, "constant");
    /** Scenario #8: stage II, then CAQM invokes stage IV effective 20:00 on the plan date. */
    private static final GrapCalendar II_RAISED_TO_IV_AT_20 = new GrapCalendar(List.of(
            change("2026-01-01T00:00+05:30", 2), change("2026-01-10T20:00+05:30", 4)), "CAQM orders (test)");
    /** Scenario #9: stage IV, revoked to II at 21:00 before a 23:30 dispatch. */
    private static final GrapCalendar IV_LOWERED_TO_II_AT_21 = new GrapCalendar(List.of(
            change("2026-01-09T08:00+05:30", 4), change("2026-01-10T21:00+05:30", 2)), "CAQM orders (test)");

    /**
     * A driver shift and an order window wide enough for every scenario route (04:00 to 03:59 the
     * next morning), so the plan's own checks stay out of the way; a window of 00:00-00:00 would
     * end at midnight of the plan date.
     */
    private static final TimeWindow LONG_SHIFT = TimeWindow.of("04:00", "03:59");
    private static final TimeWindow OPEN_WINDOW = LONG_SHIFT;

    // ---- Named vehicles ----

    static Vehicle hgvDieselBs6Haryana() {
        return vehicle("HR-55-HGV-BS6", VehicleClass.HGV, Fuel.DIESEL, EmissionNorm.BS6, LocalDate.of(2022, 4, 1),
                "HR", 25_000, LONG_SHIFT);
    }

    static Vehicle hgvDieselBs6Delhi() {
        return vehicle("DL-1G-HGV-BS6", VehicleClass.HGV, Fuel.DIESEL, EmissionNorm.BS6, LocalDate.of(2022, 4, 1),
                "DL", 25_000, LONG_SHIFT);
    }

    static Vehicle hgvDieselBs4Haryana() {
        return vehicle("HR-38-HGV-BS4", VehicleClass.HGV, Fuel.DIESEL, EmissionNorm.BS4, LocalDate.of(2020, 1, 15),
                "HR", 25_000, LONG_SHIFT);
    }

    static Vehicle hgvCngUttarPradesh() {
        return vehicle("UP-16-HGV-CNG", VehicleClass.HGV, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 7, 1),
                "UP", 16_200, LONG_SHIFT);
    }

    static Vehicle mgvDieselBs4UttarPradesh() {
        return vehicle("UP-14-MGV-BS4", VehicleClass.MGV, Fuel.DIESEL, EmissionNorm.BS4, LocalDate.of(2019, 9, 1),
                "UP", 10_000, LONG_SHIFT);
    }

    static Vehicle lgvDieselBs6Delhi() {
        return vehicle("DL-1L-LGV-BS6", VehicleClass.LGV, Fuel.DIESEL, EmissionNorm.BS6, LocalDate.of(2023, 2, 1),
                "DL", 3_500, LONG_SHIFT);
    }

    static Vehicle lgvDieselBs4Delhi(LocalDate registered) {
        return vehicle("DL-1L-LGV-BS4-" + registered, VehicleClass.LGV, Fuel.DIESEL, EmissionNorm.BS4, registered,
                "DL", 3_500, LONG_SHIFT);
    }

    static Vehicle threeWheelerCngDelhi() {
        return vehicle("DL-3W-CNG", VehicleClass.THREE_WHEELER, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2022, 6, 1),
                "DL", 1_000, LONG_SHIFT);
    }

    static Vehicle lgvElectricDelhi() {
        return vehicle("DL-1L-LGV-EV", VehicleClass.LGV, Fuel.ELECTRIC, null, LocalDate.of(2024, 1, 1),
                "DL", 3_500, LONG_SHIFT);
    }

    // ---- Named routes ----

    /**
     * Depot -> one drop -> depot, 30-min legs; the drop's service fills the time until {@code until}.
     * The driver's shift is the route's own hours, so the rest between duties (bounded by the
     * shift) stays out of the way.
     */
    static RouteUnderReview oneDrop(Vehicle vehicle, LocalDate planDate, GrapCalendar grap, Depot depot, GeoPoint drop,
                                    String from, String until, String goods, List<NoEntryPermit> permits) {
        Vehicle v = withShift(vehicle, TimeWindow.of(from, until));
        long start = at(from);
        long end = LocalTime.parse(until).toSecondOfDay();
        while (end <= start) {
            end += TimeWindow.SECONDS_PER_DAY;
        }
        int serviceMinutes = (int) ((end - start - 2 * HALF_HOUR_LEGS.legSeconds()) / 60);
        long arrival = start + HALF_HOUR_LEGS.legSeconds();
        TimeWindow window = OPEN_WINDOW.contains(arrival) ? OPEN_WINDOW : ALL_DAY;
        Order order = orderAt("ORD-" + from.replace(":", ""), drop, 500, window, serviceMinutes, goods);
        return planned(v, planDate, grap, depot, start, List.of(order), permits);
    }

    static RouteUnderReview nehruPlace(Vehicle v, LocalDate planDate, GrapCalendar grap, String from, String until,
                                       String goods) {
        return oneDrop(v, planDate, grap, OKHLA_DEPOT, NEHRU_PLACE, from, until, goods, List.of());
    }

    /** Scenario #5: No Entry Permission for the milk truck, 08:00-10:00 on 10 Jan 2026, Delhi NCT. */
    static final NoEntryPermit MILK_PERMIT = new NoEntryPermit("DTP/NEP/2026/0042", "HR-55-HGV-BS6",
            Set.of("DELHI_NCT"), TimeWindow.of("08:00", "10:00"), JAN_10_2026, JAN_10_2026);


    /** This table's rows, run by {@link ComplianceScenariosTests}. */
    static Stream<RouteScenario> scenarios() {
        return Stream.of(
                new RouteScenario("#1 HGV BS-VI HR in 23:05, out 05:40 next day, with breaks",
                        nightRouteWithBreaks(withShift(hgvDieselBs6Haryana(), ComplianceFixtures.NIGHT_SHIFT), JAN_11_2026, 1, FURNITURE),
                        "DL-NOENTRY-HGV", Verdict.PASS, Set.of()),
                new RouteScenario("#2a HGV on Delhi roads 05:00-07:25",
                        nehruPlace(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, "05:00", "07:25", FURNITURE),
                        "DL-NOENTRY-HGV", Verdict.FAIL, Set.of("DL-NOENTRY-HGV")),
                new RouteScenario("#2b HGV enters 22:59 (half-open window)",
                        nehruPlace(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, "22:59", "03:00", FURNITURE),
                        "DL-NOENTRY-HGV", Verdict.FAIL, Set.of("DL-NOENTRY-HGV")),
                new RouteScenario("#3 LGV 4W leaves a Phirni Road depot 10:59",
                        oneDrop(lgvDieselBs6Delhi(), JAN_10_2026, STAGE_II, NAJAFGARH_PHIRNI_DEPOT, UJWA,
                                "10:59", "12:29", FURNITURE, List.of()),
                        "DL-NOENTRY-PHIRNI-LGV", Verdict.FAIL, Set.of("DL-NOENTRY-PHIRNI-LGV")),
                new RouteScenario("#3 LGV 4W leaves a Phirni Road depot 11:00",
                        oneDrop(lgvDieselBs6Delhi(), JAN_10_2026, STAGE_II, NAJAFGARH_PHIRNI_DEPOT, UJWA,
                                "11:00", "12:30", FURNITURE, List.of()),
                        "DL-NOENTRY-PHIRNI-LGV", Verdict.PASS, Set.of()),
                new RouteScenario("#3 three-wheeler on Phirni Road 09:30 (excluded)",
                        oneDrop(threeWheelerCngDelhi(), JAN_10_2026, STAGE_II, NAJAFGARH_PHIRNI_DEPOT, UJWA,
                                "09:30", "11:00", FURNITURE, List.of()),
                        "DL-NOENTRY-PHIRNI-LGV", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("#4 EV LGV drop in Lajpat Nagar market 12:30-12:45",
                        planned(withShift(lgvElectricDelhi(), TimeWindow.of("12:00", "14:00")), JAN_10_2026, STAGE_I, OKHLA_DEPOT, at("12:00"),
                                List.of(orderAt("ORD-LAJPAT", LAJPAT_NAGAR, 300, ALL_DAY, 15, FURNITURE)), List.of()),
                        "DL-NOENTRY-MARKETS", Verdict.FAIL, Set.of("DL-NOENTRY-MARKETS")),
                new RouteScenario("#5 R1 milk HGV 08:30-10:00 inside its No Entry Permission",
                        oneDrop(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, OKHLA_DEPOT, NEHRU_PLACE,
                                "08:30", "10:00", MILK, List.of(MILK_PERMIT)),
                        "DL-NOENTRY-HGV", Verdict.EXEMPT, Set.of()),
                new RouteScenario("#5 R2 milk HGV 08:30-10:30, not on the permit after 10:00",
                        oneDrop(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, OKHLA_DEPOT, NEHRU_PLACE,
                                "08:30", "10:30", MILK, List.of(MILK_PERMIT)),
                        "DL-DOC-NO-ENTRY-PERMIT", Verdict.FAIL, Set.of("DL-NOENTRY-HGV", "DL-DOC-NO-ENTRY-PERMIT")),
                new RouteScenario("#6a CNG HGV from UP enters 23:30 at GRAP IV",
                        nehruPlace(hgvCngUttarPradesh(), JAN_10_2026, STAGE_IV, "23:30", "03:00", FURNITURE),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.PASS, Set.of()),
                new RouteScenario("#6b CNG HGV from UP enters 18:00 at GRAP IV",
                        nehruPlace(hgvCngUttarPradesh(), JAN_10_2026, STAGE_IV, "18:00", "21:30", FURNITURE),
                        "DL-NOENTRY-HGV", Verdict.FAIL, Set.of("DL-NOENTRY-HGV")),
                new RouteScenario("#7a BS-IV diesel HGV from HR enters 2026-01-10 23:30 (Dir. 88 transition)",
                        nehruPlace(hgvDieselBs4Haryana(), JAN_10_2026, STAGE_II, "23:30", "03:00", FURNITURE),
                        "DL-ENTRY-NONBS6-OUTSIDE", Verdict.PASS, Set.of()),
                new RouteScenario("#7b BS-IV diesel HGV from HR enters 2026-11-01 00:10 (transition over)",
                        nehruPlace(hgvDieselBs4Haryana(), NOV_01_2026, STAGE_I, "00:10", "03:00", FURNITURE),
                        "DL-ENTRY-NONBS6-OUTSIDE", Verdict.FAIL, Set.of("DL-ENTRY-NONBS6-OUTSIDE")),
                new RouteScenario("#8 at planning (17:00, stage II) the 23:30 dispatch is valid",
                        nehruPlace(hgvDieselBs4Haryana(), JAN_10_2026, STAGE_II, "23:30", "03:00", FURNITURE),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("#8 at dispatch, stage IV from 20:00: withdrawn",
                        nehruPlace(hgvDieselBs4Haryana(), JAN_10_2026, II_RAISED_TO_IV_AT_20, "23:30", "03:00", FURNITURE),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.FAIL, Set.of("DL-GRAP4-TRUCK-ENTRY")),
                new RouteScenario("#9 BS-VI vegetables HGV planned at stage IV",
                        nehruPlace(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_IV, "23:30", "03:00", VEGETABLES),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.PASS, Set.of()),
                new RouteScenario("#9 stage lowered to II before dispatch",
                        nehruPlace(hgvDieselBs6Haryana(), JAN_10_2026, IV_LOWERED_TO_II_AT_21, "23:30", "03:00", VEGETABLES),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("#10a diesel LGV on its last legal day 21:00-23:50",
                        nehruPlace(lgvDieselBs4Delhi(LocalDate.of(2016, 3, 15)), MAR_14_2026, STAGE_I, "21:00", "23:50", FURNITURE),
                        "DL-AGE-DIESEL-10Y", Verdict.PASS, Set.of()),
                new RouteScenario("#10b diesel LGV 22:00 -> 01:30 into its tenth anniversary",
                        nehruPlace(lgvDieselBs4Delhi(LocalDate.of(2016, 3, 15)), MAR_14_2026, STAGE_I, "22:00", "01:30", FURNITURE),
                        "DL-AGE-DIESEL-10Y", Verdict.FAIL, Set.of("DL-AGE-DIESEL-10Y")),
                new RouteScenario("#10c leap-day registration on 28 Feb 2026",
                        nehruPlace(lgvDieselBs4Delhi(LocalDate.of(2016, 2, 29)), FEB_28_2026, STAGE_I, "10:00", "12:00", FURNITURE),
                        "DL-AGE-DIESEL-10Y", Verdict.FAIL, Set.of("DL-AGE-DIESEL-10Y")),
                new RouteScenario("#11 BS-IV diesel LGV 4W at GRAP III 10:00",
                        nehruPlace(lgvDieselBs4Delhi(LocalDate.of(2019, 1, 1)), JAN_10_2026, STAGE_III, "10:00", "12:00", FURNITURE),
                        "DL-GRAP3-LMV-BS3P-BS4D", Verdict.FAIL, Set.of("DL-GRAP3-LMV-BS3P-BS4D")),
                new RouteScenario("#12 BS-IV diesel MGV from UP, garments, GRAP III 23:30",
                        nehruPlace(mgvDieselBs4UttarPradesh(), JAN_10_2026, STAGE_III, "23:30", "03:00", GARMENTS),
                        "DL-GRAP3-DIESEL-MGV-OUTSIDE", Verdict.FAIL, Set.of("DL-GRAP3-DIESEL-MGV-OUTSIDE")),
                // The duty 20:00-04:00 (loading until 20:30): 8 h of work, so the MTW s.15 proviso (no break on a
                // day of at most 6 h) does not apply; 5 h 30 min without a break and nothing after is legal by
                // it (DriverHoursScenariosTests). On the road at 20:30 the HGV is also inside 07:00-23:00.
                new RouteScenario("#13 HGV duty from 20:00 to 04:00, more than 5 h without a break",
                        nehruPlace(hgvDieselBs6Delhi(), JAN_10_2026, STAGE_I, "20:30", "04:00", FURNITURE),
                        "DRV-BREAK", Verdict.FAIL, Set.of("DRV-BREAK", "DL-NOENTRY-HGV")),
                new RouteScenario("#14 3-axle truck enters 2026-03-31 23:30",
                        nehruPlace(withAxles(hgvDieselBs6Haryana(), 3), LocalDate.of(2026, 3, 31), STAGE_I, "23:30", "03:00", FURNITURE),
                        "DL-ECC", Verdict.CHARGE, Set.of()),
                new RouteScenario("#15 PUC expiring 2026-01-12 00:00, route 23:00 -> 03:00",
                        nehruPlace(ComplianceFixtures.withDocuments(hgvDieselBs6Haryana(), LocalDate.of(2026, 1, 12),
                                LocalDate.of(2030, 1, 1)), JAN_11_2026, STAGE_I, "23:00", "03:00", FURNITURE),
                        "DL-DOC-PUC", Verdict.FAIL, Set.of("DL-DOC-PUC")));
    }


    // ---- Scenario details beyond the verdicts ----

    @Test
    void scenario2aIsBannedFromSevenUntilTheVehicleLeavesTheRoadAtSevenTwentyFive() {
        RuleCheck hgv = VERIFIER.verify(nehruPlace(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, "05:00", "07:25", FURNITURE))
                .check("DL-NOENTRY-HGV").orElseThrow();

        assertThat(hgv.evidence())
                .containsEntry("zone", "DELHI_NCT")
                .containsEntry("banned_from", "2026-01-10T07:00+05:30")
                .containsEntry("banned_until", "2026-01-10T07:25+05:30");
    }

    @Test
    void scenario3NamesThePhirniRoadLegAndTheWindow() {
        RuleCheck phirni = VERIFIER.verify(oneDrop(lgvDieselBs6Delhi(), JAN_10_2026, STAGE_II, NAJAFGARH_PHIRNI_DEPOT,
                UJWA, "10:59", "12:29", FURNITURE, List.of())).check("DL-NOENTRY-PHIRNI-LGV").orElseThrow();

        assertThat(firstViolation(phirni))
                .containsEntry("feature", "Phirni Road")
                .containsEntry("where", "leg depot DEL-NAJAFGARH -> ORD-1059")
                .containsEntry("from", "2026-01-10T10:59+05:30")
                .containsEntry("window", "07:00-11:00, 17:00-23:00");
        // 60 m of buffer at the leg's speed: on Phirni Road for under a minute, from 10:59.
        assertThat(OffsetDateTime.parse(firstViolation(phirni).get("until").toString()))
                .isBefore(OffsetDateTime.parse("2026-01-10T11:00+05:30"));
    }

    @Test
    void scenario4FailsOnTheLegLeavingTheMarketAtTwelveFortyFiveNotOnTheService() {
        RuleCheck markets = VERIFIER.verify(planned(lgvElectricDelhi(), JAN_10_2026, STAGE_I, OKHLA_DEPOT, at("12:00"),
                List.of(orderAt("ORD-LAJPAT", LAJPAT_NAGAR, 300, ALL_DAY, 15, FURNITURE)), List.of()))
                .check("DL-NOENTRY-MARKETS").orElseThrow();

        assertThat(firstViolation(markets))
                .containsEntry("feature", "Lajpat Nagar")
                .containsEntry("where", "leg ORD-LAJPAT -> depot DEL-OKHLA")
                .containsEntry("from", "2026-01-10T12:45+05:30")
                .containsEntry("window", "12:30-20:00");
        assertThat(markets.evidence().get("zone_geometry").toString()).contains("markets-2021.geojson", "approximate");
    }

    @Test
    void aLegThatOnlyCrossesARoadIsNotPlyingOnIt() {
        // Lajpat Nagar to Khan Market passes over the Barapullah corridor, it does not drive along it
        RouteUnderReview across = planned(hgvDieselBs6Delhi(), JAN_10_2026, STAGE_I, OKHLA_DEPOT, at("23:10"),
                List.of(orderAt("ORD-LAJPAT", LAJPAT_NAGAR, 300, OPEN_WINDOW, 10, FURNITURE),
                        orderAt("ORD-KHAN", KHAN_MARKET, 300, OPEN_WINDOW, 10, FURNITURE)), List.of());

        assertThat(VERIFIER.verify(across).check("DL-NOENTRY-BARAPULLAH").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aLegLeavingAPhirniRoadDepotIsOnTheRoadOnlyForTheInterpolatedMinutes() {
        Depot west = NAJAFGARH_PHIRNI_DEPOT;
        GeoPoint east = new GeoPoint(28.6100, 77.0000);
        RouteUnderReview morning = planned(lgvDieselBs6Delhi(), JAN_10_2026, STAGE_I, west, at("10:00"),
                List.of(orderAt("ORD-EAST", east, 300, ALL_DAY, 30, FURNITURE)), List.of());
        RouteUnderReview noon = planned(lgvDieselBs6Delhi(), JAN_10_2026, STAGE_I, west, at("11:30"),
                List.of(orderAt("ORD-EAST", east, 300, ALL_DAY, 30, FURNITURE)), List.of());

        RuleCheck crossing = VERIFIER.verify(morning).check("DL-NOENTRY-PHIRNI-LGV").orElseThrow();
        assertThat(crossing.verdict()).isEqualTo(Verdict.FAIL);
        // leaving a depot on Phirni Road at 10:00: on the road until the leg leaves its 60 m corridor
        OffsetDateTime from = OffsetDateTime.parse(firstViolation(crossing).get("from").toString());
        OffsetDateTime until = OffsetDateTime.parse(firstViolation(crossing).get("until").toString());
        assertThat(from).isEqualTo(OffsetDateTime.parse("2026-01-10T10:00+05:30"));
        assertThat(until).isAfter(from).isBefore(from.plusMinutes(5));
        assertThat(VERIFIER.verify(noon).check("DL-NOENTRY-PHIRNI-LGV").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void scenario8RecordsTheStageInForceAtDispatch() {
        RuleCheck grap4 = VERIFIER.verify(nehruPlace(hgvDieselBs4Haryana(), JAN_10_2026, II_RAISED_TO_IV_AT_20,
                "23:30", "03:00", FURNITURE)).check("DL-GRAP4-TRUCK-ENTRY").orElseThrow();

        assertThat(grap4.evidence()).containsEntry("grap_stage", 4).containsEntry("in_force_from", "2026-01-10T23:30+05:30");
        assertThat(grap4.evidence().get("grap_stages_used").toString()).contains("stage 4");
        assertThat(grap4.evidence().get("entry_event").toString()).contains("depot departure");
        assertThat(grap4.evidence().get("presence").toString()).contains("conservative_presence");
    }

    @Test
    void scenario13CountsTheHoursAfterMidnightToTheDayTheDutyStarted() {
        RuleCheck drv = VERIFIER.verify(nehruPlace(hgvDieselBs6Delhi(), JAN_10_2026, STAGE_I, "20:30", "04:00", FURNITURE))
                .check("DRV-BREAK").orElseThrow();

        assertThat(drv.evidence())
                .containsEntry("duty_day", "2026-01-10")
                .containsEntry("longest_continuous_work", "8 h 00 min 00 s")
                .containsEntry("longest_work_from", "2026-01-10T20:00+05:30")
                .containsEntry("longest_work_until", "2026-01-11T04:00+05:30");
    }

    @Test
    void scenario14TheEccIsChargedByAxleClassAndDate() {
        Vehicle threeAxle = withAxles(hgvDieselBs6Haryana(), 3);

        assertThat(ecc(threeAxle, LocalDate.of(2026, 3, 31))).containsEntry("amount_inr", 2_600L)
                .containsEntry("axle_class", "three_axle_plus").containsEntry("entry_date", "2026-03-31");
        assertThat(ecc(threeAxle, LocalDate.of(2026, 4, 1))).containsEntry("amount_inr", 4_000L);
        assertThat(ecc(threeAxle, LocalDate.of(2027, 4, 1))).containsEntry("amount_inr", 4_200L)
                .containsEntry("escalations", 1L);
        assertThat(VERIFIER.verify(nehruPlace(threeAxle, LocalDate.of(2026, 4, 1), STAGE_I, "23:30", "03:00", FURNITURE))
                .check("DL-ECC").orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void scenario6aChargesEccToTheCngTruckByItsAxleClass() {
        Map<String, Object> ecc = ecc(hgvCngUttarPradesh(), JAN_10_2026);

        assertThat(ecc).containsEntry("axle_class", "two_axle").containsEntry("amount_inr", 1_400L);
    }

    // ---- Exemptions, one test each ----

    @Test
    void essentialGoodsExemptAnEntryRuleOnlyWhenEveryCategoryIsEssential() {
        RuleCheck milk = VERIFIER.verify(nehruPlace(hgvDieselBs4Haryana(), JAN_10_2026, STAGE_IV, "23:30", "03:00", MILK))
                .check("DL-GRAP4-TRUCK-ENTRY").orElseThrow();
        RuleCheck mixed = VERIFIER.verify(planned(hgvDieselBs4Haryana(), JAN_10_2026, STAGE_IV, OKHLA_DEPOT, at("23:30"),
                List.of(orderAt("ORD-MILK", NEHRU_PLACE, 300, OPEN_WINDOW, 30, MILK),
                        orderAt("ORD-SOFA", NEHRU_PLACE, 300, OPEN_WINDOW, 30, FURNITURE)), List.of()))
                .check("DL-GRAP4-TRUCK-ENTRY").orElseThrow();

        assertThat(milk.verdict()).isEqualTo(Verdict.EXEMPT);
        assertThat(milk.evidence().get("exemption").toString()).startsWith("ESSENTIAL_GOODS");
        assertThat(mixed.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aPermitCoveringZoneTimeAndDateExemptsAndIsNamedInTheEvidence() {
        RouteVerdict verdict = VERIFIER.verify(oneDrop(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, OKHLA_DEPOT,
                NEHRU_PLACE, "08:30", "10:00", MILK, List.of(MILK_PERMIT)));

        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().evidence()).containsEntry("permit_no", "DTP/NEP/2026/0042");
        RuleCheck permit = verdict.check("DL-DOC-NO-ENTRY-PERMIT").orElseThrow();
        assertThat(permit.verdict()).isEqualTo(Verdict.PASS);
        assertThat(permit.evidence()).containsEntry("permit_no", "DTP/NEP/2026/0042");
    }

    @Test
    void aPermitForAnotherZoneOrAnotherDayDoesNotExempt() {
        NoEntryPermit marketsOnly = new NoEntryPermit("DTP/NEP/2026/0043", "HR-55-HGV-BS6", Set.of("MARKETS_2021"),
                TimeWindow.of("08:00", "10:00"), JAN_10_2026, JAN_10_2026);
        NoEntryPermit yesterday = new NoEntryPermit("DTP/NEP/2026/0044", "HR-55-HGV-BS6", Set.of(),
                TimeWindow.of("08:00", "10:00"), JAN_10_2026.minusDays(1), JAN_10_2026.minusDays(1));

        for (NoEntryPermit permit : List.of(marketsOnly, yesterday)) {
            RouteVerdict verdict = VERIFIER.verify(oneDrop(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, OKHLA_DEPOT,
                    NEHRU_PLACE, "08:30", "10:00", MILK, List.of(permit)));

            assertThat(verdict.failures()).as(permit.permitNo()).extracting(RuleCheck::ruleId)
                    .containsExactlyInAnyOrder("DL-NOENTRY-HGV", "DL-DOC-NO-ENTRY-PERMIT");
            assertThat(verdict.check("DL-DOC-NO-ENTRY-PERMIT").orElseThrow().evidence())
                    .containsEntry("permits_presented", List.of(permit.permitNo()));
        }
    }

    @Test
    void anotherVehiclesPermitIsNotPresentedForThisOne() {
        NoEntryPermit otherTruck = new NoEntryPermit("DTP/NEP/2026/0045", "HR-99-OTHER", Set.of(),
                TimeWindow.of("08:00", "10:00"), JAN_10_2026, JAN_10_2026);
        RouteVerdict verdict = VERIFIER.verify(oneDrop(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_I, OKHLA_DEPOT,
                NEHRU_PLACE, "08:30", "10:00", MILK, List.of(otherTruck)));

        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.check("DL-DOC-NO-ENTRY-PERMIT").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void theEmergencyVehicleExemptionIsNeverGrantedWithoutData() {
        // from INA to Sarai Kale Khan: the leg runs along the Barapullah corridor, not across it
        RouteUnderReview alongBarapullah = planned(hgvDieselBs6Delhi(), JAN_10_2026, STAGE_I, OKHLA_DEPOT, at("23:10"),
                List.of(orderAt("ORD-INA", new GeoPoint(28.5745, 77.2105), 300, OPEN_WINDOW, 10, FURNITURE),
                        orderAt("ORD-SKK", new GeoPoint(28.5890, 77.2560), 300, OPEN_WINDOW, 10, FURNITURE)), List.of());

        RuleCheck barapullah = VERIFIER.verify(alongBarapullah).check("DL-NOENTRY-BARAPULLAH").orElseThrow();

        assertThat(barapullah.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(firstViolation(barapullah)).containsEntry("where", "leg depot DEL-OKHLA -> ORD-INA");
        assertThat(barapullah.evidence().get("exemptions_not_granted").toString())
                .contains("EMERGENCY_VEHICLE").contains("not granted");
    }

    // ---- helpers ----

    private static Map<String, Object> ecc(Vehicle v, LocalDate planDate) {
        return VERIFIER.verify(nehruPlace(v, planDate, STAGE_I, "23:30", "03:00", FURNITURE))
                .check("DL-ECC").orElseThrow().evidence();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstViolation(RuleCheck check) {
        return ((List<Map<String, Object>>) check.evidence().get("violations")).get(0);
    }

    private static GrapStageChange change(String effectiveFrom, int stage) {
        return new GrapStageChange(OffsetDateTime.parse(effectiveFrom), stage, "CAQM order (test)");
    }

    // ---- Other entry rules ----

    @Test
    void constructionCargoIsBarredFromEnteringAtGrapFourWhateverTheTruck() {
        RuleCheck cement = VERIFIER.verify(nehruPlace(hgvCngUttarPradesh(), JAN_10_2026, STAGE_IV, "23:30", "03:00", "Cement"))
                .check("DL-GRAP4-CND-CARGO").orElseThrow();
        RuleCheck furniture = VERIFIER.verify(nehruPlace(hgvCngUttarPradesh(), JAN_10_2026, STAGE_IV, "23:30", "03:00", FURNITURE))
                .check("DL-GRAP4-CND-CARGO").orElseThrow();

        assertThat(cement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(cement.evidence()).containsEntry("cargo_matched", List.of("cement"));
        assertThat(furniture.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void theSeasonalRuleWhenEnabledRunsToTheEndOfItsLastDay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path enabled = ComplianceFixtures.editedCopy(tmp,
                "enabled: false                                            # F for 2022-23 only",
                "enabled: true                                             # F for 2022-23 only");
        ComplianceVerifier seasonal = new ComplianceVerifier(RulePackLoader.load(enabled), HALF_HOUR_LEGS);
        Vehicle diesel = hgvDieselBs6Haryana();

        assertThat(seasonal.verify(nehruPlace(diesel, LocalDate.of(2023, 2, 28), STAGE_I, "23:30", "03:00", FURNITURE))
                .check("DL-SEASONAL-MGV-HGV-OUTSIDE").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(seasonal.verify(nehruPlace(diesel, LocalDate.of(2023, 3, 1), STAGE_I, "00:10", "03:00", FURNITURE))
                .check("DL-SEASONAL-MGV-HGV-OUTSIDE").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(seasonal.verify(nehruPlace(diesel, LocalDate.of(2023, 2, 28), STAGE_I, "23:30", "03:00", MILK))
                .check("DL-SEASONAL-MGV-HGV-OUTSIDE").orElseThrow().verdict()).isEqualTo(Verdict.EXEMPT);
        assertThat(seasonal.verify(nehruPlace(hgvCngUttarPradesh(), LocalDate.of(2023, 2, 28), STAGE_I, "23:30", "03:00",
                FURNITURE)).check("DL-SEASONAL-MGV-HGV-OUTSIDE").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void aDelhiRegisteredVehicleThatNeverLeavesIsBarredByThePlyingRuleNotTheEntryRule() {
        Vehicle delhiBs4 = vehicle("DL-1G-HGV-BS4", VehicleClass.HGV, Fuel.DIESEL, EmissionNorm.BS4,
                LocalDate.of(2019, 5, 1), "DL", 16_000, LONG_SHIFT);
        RouteVerdict verdict = VERIFIER.verify(nehruPlace(delhiBs4, JAN_10_2026, STAGE_IV, "23:30", "03:00", FURNITURE));

        assertThat(verdict.check("DL-ENTRY-NONBS6-OUTSIDE").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict.check("DL-GRAP4-TRUCK-ENTRY").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict.check("DL-GRAP4-DL-DIESEL-MGV-HGV").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.check("DL-ECC").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void grossWeightIsPayloadPlusUnladenWeightAgainstTheRegisteredGvw() {
        Vehicle truck = hgvDieselBs6Haryana();     // GVW 25,000 kg, capacity 12,500 kg: unladen 12,500 kg assumed
        RouteVerdict heavy = VERIFIER.verify(planned(truck, JAN_10_2026, STAGE_I, OKHLA_DEPOT, at("23:10"), List.of(
                orderAt("ORD-A", NEHRU_PLACE, 7_000, OPEN_WINDOW, 20, FURNITURE),
                orderAt("ORD-B", NEHRU_PLACE, 6_000, OPEN_WINDOW, 20, FURNITURE)), List.of()));

        RuleCheck gvw = heavy.check("DL-GVW").orElseThrow();
        assertThat(gvw.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(gvw.evidence()).containsEntry("gross_kg", 25_500.0).containsEntry("gvw_kg", 25_000);
    }
}
