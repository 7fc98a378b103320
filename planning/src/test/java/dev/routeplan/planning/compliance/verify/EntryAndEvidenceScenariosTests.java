package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withAxles;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withShift;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.KHAN_MARKET;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.LAJPAT_NAGAR;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NEHRU_PLACE;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.OKHLA_DEPOT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.at;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.orderAt;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.planned;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.GrapStageChange;
import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RuleKind;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entry is an inbound crossing of the
 * Delhi boundary, entry rules look at the whole stay in Delhi that follows, evidence lists every
 * interval and every discounted road crossing, and rules the data decides are not NOT_EVALUATED.
 * Same shape as {@link DelhiRulesScenariosTests}: given a route, when verified, then the rule
 * under test has the verdict and exactly these checks fail.
 */
class EntryAndEvidenceScenariosTests {

    private static final RulePack PACK = shippedPack();
    private static final ComplianceVerifier VERIFIER = new ComplianceVerifier(PACK, HALF_HOUR_LEGS);

    private static final LocalDate JAN_10_2026 = LocalDate.of(2026, 1, 10);
    private static final String FURNITURE = "FURNITURE";
    private static final String CEMENT = "CEMENT";

    /**
     * Every route here runs between 23:00 and 04:00: a night duty with more than the 9 h of daily
     * rest on either side, so the driver-hours checks stay out of the way of the entry rules.
     */
    private static final TimeWindow NIGHT_DUTY = TimeWindow.of("22:00", "08:00");
    private static final TimeWindow OPEN_WINDOW = TimeWindow.of("04:00", "03:59");

    /** A depot at Gurugram's centre, outside Delhi: its routes into Delhi cross the boundary on the way. */
    private static final Depot GURUGRAM_DEPOT = new Depot("HR-GURUGRAM", "Gurugram", new GeoPoint(28.4595, 77.0266),
            TimeWindow.of("00:00", "00:00"));
    /** Outside Delhi, south-west of Gurugram. */
    private static final GeoPoint MANESAR = new GeoPoint(28.3540, 76.9370);
    /** Ghaziabad's centre, outside Delhi to the east. */
    private static final GeoPoint GHAZIABAD = new GeoPoint(28.6692, 77.4538);

    private static final GrapCalendar STAGE_II = GrapCalendar.constant(2, "constant");
    private static final GrapCalendar STAGE_IV = GrapCalendar.constant(4, "constant");
    /** Stage II, raised to IV by a CAQM order effective 00:00 on 11 Jan 2026, while the routes below are in Delhi. */
    private static final GrapCalendar II_RAISED_TO_IV_AT_MIDNIGHT = new GrapCalendar(List.of(
            change("2026-01-01T00:00+05:30", 2), change("2026-01-11T00:00+05:30", 4)), "CAQM orders (test)");

    // ---- Named vehicles ----

    static Vehicle hgvDieselBs4Haryana() {
        return withShift(DelhiRulesScenariosTests.hgvDieselBs4Haryana(), NIGHT_DUTY);
    }

    static Vehicle hgvDieselBs6Haryana() {
        return withShift(DelhiRulesScenariosTests.hgvDieselBs6Haryana(), NIGHT_DUTY);
    }

    static Vehicle mgvCngDelhi() {
        return vehicle("DL-1M-MGV-CNG", VehicleClass.MGV, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 1, 1),
                "DL", 10_000, NIGHT_DUTY);
    }

    static Vehicle mgvDieselBs4Delhi() {
        return vehicle("DL-1M-MGV-BS4", VehicleClass.MGV, Fuel.DIESEL, EmissionNorm.BS4, LocalDate.of(2019, 5, 1),
                "DL", 10_000, NIGHT_DUTY);
    }

    static Vehicle hgvCngDelhi() {
        return vehicle("DL-1G-HGV-CNG", VehicleClass.HGV, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 1, 1),
                "DL", 16_000, NIGHT_DUTY);
    }

    // ---- Named routes ----

    /** Depot, the drops in order (20 min each), back: 30-min legs from {@code from}. */
    static RouteUnderReview route(Vehicle v, GrapCalendar grap, Depot depot, String from, String goods, GeoPoint... drops) {
        List<Order> orders = new java.util.ArrayList<>();
        for (int i = 0; i < drops.length; i++) {
            orders.add(orderAt("ORD-" + (i + 1), drops[i], 500, OPEN_WINDOW, 20, goods));
        }
        return planned(v, JAN_10_2026, grap, depot, at(from), orders, List.of());
    }

    /** From the Okhla depot at 23:10 to a furniture drop at Nehru Place and back: the night route of most rows. */
    static RouteUnderReview okhlaToNehruPlace(Vehicle v, GrapCalendar grap) {
        return route(v, grap, OKHLA_DEPOT, "23:10", FURNITURE, NEHRU_PLACE);
    }

    /** From the Gurugram depot at 23:30 to Nehru Place (arriving 00:00, served until 02:30) and back at 03:00. */
    static RouteUnderReview gurugramToNehruPlace(Vehicle v, GrapCalendar grap) {
        Order drop = orderAt("ORD-NP", NEHRU_PLACE, 500, OPEN_WINDOW, 150, FURNITURE);
        return planned(v, JAN_10_2026, grap, GURUGRAM_DEPOT, at("23:30"), List.of(drop), List.of());
    }


    /** This table's rows, run by {@link ComplianceScenariosTests}. */
    static Stream<RouteScenario> scenarios() {
        return Stream.of(
                // entry is an inbound crossing, wherever the route starts
                new RouteScenario("BS-IV diesel HGV from HR crosses into Delhi mid-leg from a Gurugram depot at GRAP IV",
                        gurugramToNehruPlace(hgvDieselBs4Haryana(), STAGE_IV),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.FAIL, Set.of("DL-GRAP4-TRUCK-ENTRY")),
                new RouteScenario("the same truck serving Manesar only never enters Delhi at GRAP IV",
                        route(hgvDieselBs4Haryana(), STAGE_IV, GURUGRAM_DEPOT, "23:30", FURNITURE, MANESAR),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("Delhi-registered CNG MGV that never leaves Delhi at GRAP IV: no entry, not a PASS",
                        okhlaToNehruPlace(mgvCngDelhi(), STAGE_IV),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("Delhi-registered CNG MGV leaves for Ghaziabad and re-enters at GRAP IV: allowed fuel",
                        route(mgvCngDelhi(), STAGE_IV, OKHLA_DEPOT, "23:10", FURNITURE, GHAZIABAD, NEHRU_PLACE),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.PASS, Set.of()),
                new RouteScenario("Delhi-registered BS-IV diesel MGV at a Delhi depot at GRAP IV: barred from plying, not from entering",
                        okhlaToNehruPlace(mgvDieselBs4Delhi(), STAGE_IV),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.NOT_APPLICABLE, Set.of("DL-GRAP4-DL-DIESEL-MGV-HGV")),
                new RouteScenario("Delhi-registered CNG HGV with cement re-enters from Ghaziabad at GRAP IV",
                        route(hgvCngDelhi(), STAGE_IV, OKHLA_DEPOT, "23:10", CEMENT, GHAZIABAD, NEHRU_PLACE),
                        "DL-GRAP4-CND-CARGO", Verdict.FAIL, Set.of("DL-GRAP4-CND-CARGO")),
                new RouteScenario("Delhi-registered CNG HGV with cement that stays in Delhi at GRAP IV",
                        route(hgvCngDelhi(), STAGE_IV, OKHLA_DEPOT, "23:10", CEMENT, NEHRU_PLACE),
                        "DL-GRAP4-CND-CARGO", Verdict.NOT_APPLICABLE, Set.of()),
                // conservative presence by default, so an order taking effect mid-route is caught
                new RouteScenario("enters at stage II at 23:4x, stage IV from 00:00 while still in Delhi",
                        gurugramToNehruPlace(hgvDieselBs4Haryana(), II_RAISED_TO_IV_AT_MIDNIGHT),
                        "DL-GRAP4-TRUCK-ENTRY", Verdict.FAIL, Set.of("DL-GRAP4-TRUCK-ENTRY")),
                // what the data decides is not NOT_EVALUATED
                new RouteScenario("Delhi order on outside vehicles at GRAP IV, Delhi-registered vehicle",
                        okhlaToNehruPlace(mgvCngDelhi(), STAGE_IV),
                        "DL-GRAP4-NONBS6-OUTSIDE-ALL", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("Delhi order on outside vehicles, HR vehicle at GRAP II",
                        gurugramToNehruPlace(hgvDieselBs6Haryana(), STAGE_II),
                        "DL-GRAP4-NONBS6-OUTSIDE-ALL", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("Delhi order on outside vehicles, HR vehicle entering at GRAP IV: needs the order",
                        gurugramToNehruPlace(hgvDieselBs6Haryana(), STAGE_IV),
                        "DL-GRAP4-NONBS6-OUTSIDE-ALL", Verdict.NOT_EVALUATED, Set.of()),
                new RouteScenario("forecast escalation at GRAP IV: no higher stage",
                        okhlaToNehruPlace(mgvCngDelhi(), STAGE_IV),
                        "DL-GRAP-FORECAST-RISK", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("forecast escalation at GRAP II: needs a forecast",
                        okhlaToNehruPlace(mgvCngDelhi(), STAGE_II),
                        "DL-GRAP-FORECAST-RISK", Verdict.NOT_EVALUATED, Set.of()),
                new RouteScenario("2-axle truck laden to 19,100 kg: above the 18,500 kg cap, within its 25,000 kg GVW",
                        planned(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_II, OKHLA_DEPOT, at("23:10"), List.of(
                                orderAt("ORD-A", NEHRU_PLACE, 6_600, OPEN_WINDOW, 20, FURNITURE)), List.of()),
                        "DL-LOAD-GVW-AXLE", Verdict.FAIL, Set.of("DL-LOAD-GVW-AXLE")),
                new RouteScenario("2-axle truck laden to 18,500 kg: at the cap",
                        planned(hgvDieselBs6Haryana(), JAN_10_2026, STAGE_II, OKHLA_DEPOT, at("23:10"), List.of(
                                orderAt("ORD-A", NEHRU_PLACE, 6_000, OPEN_WINDOW, 20, FURNITURE)), List.of()),
                        "DL-LOAD-GVW-AXLE", Verdict.PASS, Set.of()),
                new RouteScenario("an 'LGV' registered at 9,000 kg GVW is an MGV: class check fails",
                        okhlaToNehruPlace(vehicle("DL-1L-LGV-HEAVY", VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 1, 1),
                                "DL", 9_000, NIGHT_DUTY), STAGE_II),
                        RulePack.VEHICLE_CLASS_CHECK, Verdict.FAIL, Set.of(RulePack.VEHICLE_CLASS_CHECK)),
                new RouteScenario("an MGV registered at 10,000 kg GVW: class check passes",
                        okhlaToNehruPlace(mgvCngDelhi(), STAGE_II),
                        RulePack.VEHICLE_CLASS_CHECK, Verdict.PASS, Set.of()),
                // a PASS on a road rule with a crossing under min_along_m
                new RouteScenario("Nehru Place to Khan Market crosses Barapullah (closed all day) under 300 m",
                        route(mgvCngDelhi(), STAGE_II, OKHLA_DEPOT, "23:10", FURNITURE, NEHRU_PLACE, KHAN_MARKET),
                        "DL-NOENTRY-BARAPULLAH", Verdict.PASS, Set.of()));
    }


    // ---- Entry evidence ----

    @Test
    void anInboundCrossingMidRouteIsTheEntryWithItsTimeAndPosition() {
        RuleCheck truck = checkOf(gurugramToNehruPlace(hgvDieselBs4Haryana(), STAGE_IV), "DL-GRAP4-TRUCK-ENTRY");

        Map<String, Object> entry = entries(truck).get(0);
        OffsetDateTime crossed = OffsetDateTime.parse(entry.get("at").toString());
        // the leg runs 23:30-00:00; the boundary lies part way along it
        assertThat(crossed).isAfter(OffsetDateTime.parse("2026-01-10T23:30+05:30"))
                .isBefore(OffsetDateTime.parse("2026-01-11T00:00+05:30"));
        assertThat(entry).containsEntry("presumed", false);
        assertThat(entry.get("how").toString()).contains("inbound", "leg depot HR-GURUGRAM -> ORD-NP");
        assertThat(truck.evidence().get("in_force_from")).isEqualTo(entry.get("at"));
        assertThat(truck.message()).contains("enters Delhi " + entry.get("at"));
    }

    @Test
    void aDelhiRegisteredVehicleThatLeavesAndComesBackEntersOnTheWayBack() {
        RuleCheck cement = checkOf(route(hgvCngDelhi(), STAGE_IV, OKHLA_DEPOT, "23:10", CEMENT, GHAZIABAD, NEHRU_PLACE),
                "DL-GRAP4-CND-CARGO");

        // the straight leg back from Ghaziabad crosses East Delhi, a corner of Noida, then Delhi again
        // at the Yamuna: each inbound crossing is an entry, all of them on the way back
        List<Map<String, Object>> entries = entries(cement);
        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("how").toString()).contains("leg ORD-1 -> ORD-2");
            // leaves Ghaziabad 00:00, reaches Nehru Place 00:30
            assertThat(OffsetDateTime.parse(e.get("at").toString()))
                    .isAfter(OffsetDateTime.parse("2026-01-11T00:00+05:30"))
                    .isBefore(OffsetDateTime.parse("2026-01-11T00:30+05:30"));
        });
        assertThat(cement.evidence().get("presence_checked").toString()).contains("route ends at depot DEL-OKHLA");
    }

    @Test
    void aVehicleRegisteredOutsideDelhiAtADelhiDepotIsPresumedToHaveEnteredBeforeDeparture() {
        RuleCheck truck = checkOf(okhlaToNehruPlace(hgvDieselBs4Haryana(), STAGE_IV), "DL-GRAP4-TRUCK-ENTRY");

        assertThat(truck.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(entries(truck)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("presumed", true).containsEntry("at", "2026-01-10T23:10+05:30");
            assertThat(e.get("how").toString()).contains("registered in HR", "before this route");
        });
        assertThat(truck.message()).contains("entry presumed before departure");
    }

    @Test
    void theEccIsChargedOnlyWhenTheRouteEntersDelhi() {
        RouteVerdict manesar = VERIFIER.verify(route(hgvDieselBs6Haryana(), STAGE_II, GURUGRAM_DEPOT, "23:30", FURNITURE, MANESAR));
        RouteVerdict delhi = VERIFIER.verify(gurugramToNehruPlace(hgvDieselBs6Haryana(), STAGE_II));

        assertThat(manesar.check("DL-ECC").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(delhi.check("DL-ECC").orElseThrow().evidence().get("entry_at").toString()).startsWith("2026-01-10T23:");
    }

    @Test
    void thePlannerKeepsAVehicleFromOutsideDelhiOffTheRoadOnADayAnEntryRuleBarsIt() {
        long day = TimeWindow.SECONDS_PER_DAY;

        // every route of an HR truck from a Delhi depot enters at departure: at GRAP IV a BS-IV diesel may not ply at all
        assertThat(PACK.noEntryIntervals(hgvDieselBs4Haryana(), JAN_10_2026, 4, Set.of()))
                .filteredOn(i -> i.ruleId().equals("DL-GRAP4-TRUCK-ENTRY"))
                .extracting(i -> List.of(i.startSeconds(), i.endSeconds()))
                .contains(List.of(0L, day));
        assertThat(PACK.noEntryIntervals(hgvDieselBs4Haryana(), JAN_10_2026, 2, Set.of()))
                .noneMatch(i -> i.ruleId().equals("DL-GRAP4-TRUCK-ENTRY"));
        assertThat(PACK.noEntryIntervals(hgvDieselBs4Haryana(), JAN_10_2026, 4, Set.of("MILK")))
                .as("all cargo essential").noneMatch(i -> i.ruleId().equals("DL-GRAP4-TRUCK-ENTRY"));
        // Direction 88: BS-IV from outside Delhi allowed until 31 Oct 2026, barred from 1 Nov 2026 00:00
        assertThat(PACK.noEntryIntervals(hgvDieselBs4Haryana(), LocalDate.of(2026, 10, 31), 0, Set.of()))
                .filteredOn(i -> i.ruleId().equals("DL-ENTRY-NONBS6-OUTSIDE"))
                .extracting(i -> List.of(i.startSeconds(), i.endSeconds()))
                .containsExactly(List.of(day, 2 * day));
        // a Delhi-registered truck enters only on a route that leaves Delhi: the verifier's business
        assertThat(PACK.noEntryIntervals(mgvCngDelhi(), JAN_10_2026, 4, Set.of()))
                .noneMatch(i -> i.ruleId().equals("DL-GRAP4-TRUCK-ENTRY"));
    }

    // ---- Conservative presence is the default ----

    @Test
    void conservativePresenceIsTheDefaultOfEveryEntryRule(@TempDir Path tmp) throws Exception {
        Path silent = ComplianceFixtures.editedCopy(tmp, "eval: {where: DELHI_NCT, mode: entry, conservative_presence: true}",
                "eval: {where: DELHI_NCT, mode: entry}");

        assertThat(PACK.rules()).filteredOn(r -> r.kind() == RuleKind.ENTRY).isNotEmpty()
                .allSatisfy(r -> assertThat(r.conservativePresence()).as(r.id()).isTrue());
        assertThat(RulePackLoader.load(silent).rule("DL-GRAP4-TRUCK-ENTRY").map(Rule::conservativePresence)).contains(true);
    }

    @Test
    void withoutConservativePresenceAStageRaisedAfterTheCrossingIsMissed(@TempDir Path tmp) throws Exception {
        Path momentOnly = ComplianceFixtures.editedCopy(tmp, "eval: {where: DELHI_NCT, mode: entry, conservative_presence: true}",
                "eval: {where: DELHI_NCT, mode: entry, conservative_presence: false}");
        ComplianceVerifier atCrossingOnly = new ComplianceVerifier(RulePackLoader.load(momentOnly), HALF_HOUR_LEGS);
        RouteUnderReview review = gurugramToNehruPlace(hgvDieselBs4Haryana(), II_RAISED_TO_IV_AT_MIDNIGHT);

        RuleCheck conservative = checkOf(review, "DL-GRAP4-TRUCK-ENTRY");
        RuleCheck moment = atCrossingOnly.verify(review).check("DL-GRAP4-TRUCK-ENTRY").orElseThrow();

        assertThat(conservative.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(conservative.evidence()).containsEntry("in_force_from", "2026-01-11T00:00+05:30");
        assertThat(conservative.evidence().get("barred_intervals").toString())
                .contains("2026-01-11T00:00+05:30 to 2026-01-11T0");
        assertThat(moment.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(moment.message()).contains("GRAP stage 2 is below 4");
    }

    // ---- Every interval the GRAP IV ban covers ----

    @Test
    void grapFourEvidenceListsEveryIntervalOnTheRoadNotOnlyTheFirstLeg() {
        // depot 23:00, Nehru Place 23:30-23:50, Lajpat Nagar 00:20-00:40, back 01:10
        RuleCheck ban = checkOf(route(mgvDieselBs4Delhi(), STAGE_IV, OKHLA_DEPOT, "23:00", FURNITURE, NEHRU_PLACE, LAJPAT_NAGAR),
                "DL-GRAP4-DL-DIESEL-MGV-HGV");

        assertThat(ban.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ban.evidence().get("banned_intervals")).isEqualTo(List.of(
                "2026-01-10T23:00+05:30 to 2026-01-10T23:30+05:30",
                "2026-01-10T23:50+05:30 to 2026-01-11T00:20+05:30",
                "2026-01-11T00:40+05:30 to 2026-01-11T01:10+05:30"));
        assertThat(ban.evidence()).containsEntry("banned_seconds", 3L * 1800);
        assertThat(ban.message()).contains("to 2026-01-11T01:10+05:30");
    }

    // ---- Discounted road crossings are listed ----

    @Test
    void aPassOnARoadRuleListsTheCrossingItDiscountedAndSaysItIsApproximate() {
        RuleCheck barapullah = checkOf(route(mgvCngDelhi(), STAGE_II, OKHLA_DEPOT, "23:10", FURNITURE, NEHRU_PLACE, KHAN_MARKET),
                "DL-NOENTRY-BARAPULLAH");

        // both legs that pass Barapullah cross it: to Khan Market from the south, back to Okhla from the north
        assertThat(barapullah.verdict()).isEqualTo(Verdict.PASS);
        assertThat(barapullah.message()).contains("2 crossings in the rule's hours discounted", "approximate");
        assertThat(barapullah.evidence().get("approximation").toString()).contains("straight lines", "300 m");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> discounted = (List<Map<String, Object>>) barapullah.evidence().get("discounted_crossings");
        assertThat(discounted).extracting(c -> c.get("where"))
                .containsExactly("leg ORD-1 -> ORD-2", "leg ORD-2 -> depot DEL-OKHLA");
        assertThat(discounted).allSatisfy(c -> {
            assertThat(c).containsEntry("in_rule_hours", true).containsEntry("min_along_m", 300L);
            assertThat((Long) c.get("metres_inside")).isPositive().isLessThan(300L);
            assertThat(c.get("feature").toString()).contains("Barapullah");
        });
        // leaves Nehru Place 00:00, at Khan Market 00:30
        assertThat(OffsetDateTime.parse(discounted.get(0).get("from").toString()))
                .isAfter(OffsetDateTime.parse("2026-01-11T00:00+05:30"))
                .isBefore(OffsetDateTime.parse("2026-01-11T00:30+05:30"));
    }

    // ---- Axle cap and class, beyond the verdicts ----

    @Test
    void theGvwCapByAxleCountComesFromThePackAndBeyondTheTableTheRigidCapApplies() {
        Vehicle fourAxles = withAxles(hgvDieselBs6Haryana(), 4);
        RuleCheck two = checkOf(okhlaToNehruPlace(hgvDieselBs6Haryana(), STAGE_II), "DL-LOAD-GVW-AXLE");
        RuleCheck four = checkOf(okhlaToNehruPlace(fourAxles, STAGE_II), "DL-LOAD-GVW-AXLE");

        assertThat(two.evidence()).containsEntry("gvw_cap_kg", 18_500).containsEntry("axles", 2);
        assertThat(two.evidence().get("registered_gvw_above_cap").toString()).contains("25000 kg", "18500 kg");
        assertThat(two.message()).contains("per-axle weights not checked");
        assertThat(four.verdict()).isEqualTo(Verdict.PASS);
        assertThat(four.evidence()).containsEntry("gvw_cap_kg", 49_000);
        assertThat(four.evidence().get("cap_basis").toString()).contains("rigid");
    }

    @Test
    void aClassTheGvwContradictsIsFlaggedAndTheVehicleIsSetAsideBeforePlanning() {
        Vehicle heavyLgv = vehicle("DL-1L-LGV-HEAVY", VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 1, 1),
                "DL", 9_000, NIGHT_DUTY);
        Vehicle threeWheeler = vehicle("DL-3W-CNG", VehicleClass.THREE_WHEELER, Fuel.CNG, EmissionNorm.BS6,
                LocalDate.of(2022, 6, 1), "DL", 1_000, NIGHT_DUTY);

        RuleCheck check = checkOf(okhlaToNehruPlace(heavyLgv, STAGE_II), RulePack.VEHICLE_CLASS_CHECK);

        assertThat(check.message()).contains("fleet class LGV", "9000 kg", "MGV");
        assertThat(check.evidence()).containsEntry("pack_bounds", "GVW > 0 kg and <= 7500 kg");
        assertThat(new VehicleEligibility(PACK).check(heavyLgv, JAN_10_2026))
                .anySatisfy(i -> assertThat(i.ruleId()).isEqualTo(RulePack.VEHICLE_CLASS_CHECK));
        // a three-wheeler has no bounds of its own: its parent LGV's apply
        assertThat(PACK.classMismatch(threeWheeler)).isEmpty();
        assertThat(PACK.gvwBoundsClass(VehicleClass.THREE_WHEELER).orElseThrow().name()).isEqualTo("LGV");
    }

    // ---- Helpers ----

    /** The verifier's check of one rule on the route, which must be among the route's checks. */
    private static RuleCheck checkOf(RouteUnderReview route, String ruleId) {
        return VERIFIER.verify(route).check(ruleId).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(RuleCheck check) {
        return (List<Map<String, Object>>) check.evidence().get("entries");
    }

    private static GrapStageChange change(String effectiveFrom, int stage) {
        return new GrapStageChange(OffsetDateTime.parse(effectiveFrom), stage, "CAQM order (test)");
    }
}
