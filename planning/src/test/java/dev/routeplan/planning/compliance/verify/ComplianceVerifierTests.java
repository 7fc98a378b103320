package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.ALL_DAY;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_I;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_III;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.JAN_10_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.JAN_11_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.MAR_14_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.at;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.editedCopy;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.hgvDieselBs6Haryana;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.lgvDieselBs4Delhi;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.onDelhiRoads;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.order;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.planned;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.Severity;
import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplianceVerifierTests {

    private static final String FURNITURE = "FURNITURE";
    private static final LocalDate REGISTERED_15_MAR_2016 = LocalDate.of(2016, 3, 15);

    private final RulePack pack = shippedPack();
    private final ComplianceVerifier verifier = new ComplianceVerifier(pack, HALF_HOUR_LEGS);

    @TempDir
    Path tmp;

    // ---- Scenario #1 / #2: the city-wide HGV window ----

    @Test
    void anHgvOnTheRoadFromFiveUntilSevenTwentyFiveFailsTheHgvWindow() {
        RouteVerdict verdict = verifier.verify(onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "05:00", "07:25", FURNITURE));

        RuleCheck hgv = verdict.check("DL-NOENTRY-HGV").orElseThrow();
        assertThat(hgv.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(hgv.severity()).isEqualTo(Severity.HARD);
        assertThat(hgv.evidence())
                .containsEntry("banned_from", "2026-01-10T07:00+05:30")
                .containsEntry("banned_until", "2026-01-10T07:25+05:30");
        assertThat(verdict.blocked()).isTrue();
    }

    @Test
    void anHgvEnteringAtTwentyTwoFiftyNineFailsBecauseTheWindowIsHalfOpen() {
        RouteVerdict verdict = verifier.verify(onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "22:59", "04:00", FURNITURE));

        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anHgvOnTheRoadFromTwentyThreeOFiveUntilFiveFortyNextDayIsCompliant() {
        // Two drops with a 30-min rest after the first: 7 h 05 min with loading and no break would fail DRV-BREAK.
        RouteVerdict verdict = verifier.verify(ComplianceFixtures.nightRouteWithBreaks(hgvDieselBs6Haryana(), JAN_11_2026,
                GRAP_I, FURNITURE));

        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().evidence())
                .containsEntry("on_road_from", "2026-01-10T23:05+05:30")
                .containsEntry("on_road_until", "2026-01-11T05:40+05:30");
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.blocked()).isFalse();
    }

    @Test
    void changingTheWindowHoursInACopiedPackChangesTheVerdict() throws Exception {
        Path laterWindow = editedCopy(tmp, "start: \"07:00\", end: \"23:00\"}]}   # F (07:00 vs 06:00",
                "start: \"08:00\", end: \"23:00\"}]}   # F (07:00 vs 06:00");
        ComplianceVerifier withLaterWindow = new ComplianceVerifier(RulePackLoader.load(laterWindow), HALF_HOUR_LEGS);
        RouteUnderReview earlyMorning = onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "05:00", "07:25", FURNITURE);

        assertThat(verifier.verify(earlyMorning).check("DL-NOENTRY-HGV").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(withLaterWindow.verify(earlyMorning).check("DL-NOENTRY-HGV").orElseThrow().verdict())
                .isEqualTo(Verdict.PASS);
    }

    // ---- Scenario #10: age ----

    @Test
    void aTenYearOldDieselMayRunUntilTwentyThreeFiftyOnTheLastLegalDay() {
        RouteVerdict verdict = verifier.verify(
                onDelhiRoads(lgvDieselBs4Delhi(REGISTERED_15_MAR_2016), MAR_14_2026, GRAP_I, "21:00", "23:50", FURNITURE));

        assertThat(verdict.check("DL-AGE-DIESEL-10Y").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdict.blocked()).isFalse();
    }

    @Test
    void aTenYearOldDieselFailsWhenItsRouteRunsPastMidnightIntoTheAnniversary() {
        RouteVerdict verdict = verifier.verify(
                onDelhiRoads(lgvDieselBs4Delhi(REGISTERED_15_MAR_2016), MAR_14_2026, GRAP_I, "22:00", "01:30", FURNITURE));

        RuleCheck age = verdict.check("DL-AGE-DIESEL-10Y").orElseThrow();
        assertThat(age.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(age.evidence())
                .containsEntry("registration_date", "2016-03-15")
                .containsEntry("may_ply_until", "2026-03-15T00:00+05:30")
                .containsEntry("on_road_until", "2026-03-15T01:30+05:30");
        assertThat(verdict.blocked()).isTrue();
    }

    @Test
    void aLeapDayRegistrationFailsOnTheTwentyEighthOfFebruary() {
        Vehicle leapDay = lgvDieselBs4Delhi(LocalDate.of(2016, 2, 29));
        RouteVerdict verdict = verifier.verify(
                onDelhiRoads(leapDay, LocalDate.of(2026, 2, 28), GRAP_I, "21:00", "23:00", FURNITURE));

        assertThat(verdict.check("DL-AGE-DIESEL-10Y").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }

    // ---- Scenario #11: GRAP III ----

    @Test
    void atGrapThreeADieselBs4LgvFailsAnywhereInDelhi() {
        Vehicle lgv = lgvDieselBs4Delhi(LocalDate.of(2019, 1, 1));

        RouteVerdict atStageThree = verifier.verify(onDelhiRoads(lgv, JAN_10_2026, GRAP_III, "10:00", "12:00", FURNITURE));
        RouteVerdict atStageOne = verifier.verify(onDelhiRoads(lgv, JAN_10_2026, GRAP_I, "10:00", "12:00", FURNITURE));

        assertThat(atStageThree.check("DL-GRAP3-LMV-BS3P-BS4D").orElseThrow())
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.FAIL))
                .satisfies(c -> assertThat(c.evidence()).containsEntry("grap_stage", 3));
        assertThat(atStageOne.check("DL-GRAP3-LMV-BS3P-BS4D").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    // ---- Scenario #15: PUC through the end of the route ----

    @Test
    void aPucExpiringAtMidnightFailsARouteThatEndsAtThree() {
        Vehicle truck = withDocuments(hgvDieselBs6Haryana(), LocalDate.of(2026, 1, 12), LocalDate.of(2030, 1, 1));

        RouteVerdict verdict = verifier.verify(onDelhiRoads(truck, JAN_11_2026, GRAP_I, "23:00", "03:00", FURNITURE));

        RuleCheck puc = verdict.check("DL-DOC-PUC").orElseThrow();
        assertThat(puc.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(puc.evidence()).containsEntry("may_ply_until", "2026-01-12T00:00+05:30");
        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    // ---- Exemptions ----

    @Test
    void anEssentialGoodsRouteIsExemptFromTheGrapFourDelhiDieselBanButNotFromTheHgvWindow() {
        Vehicle truck = ComplianceFixtures.hgvDieselBs4Delhi();

        RouteVerdict milk = verifier.verify(onDelhiRoads(truck, JAN_10_2026, 4, "23:30", "03:00", "MILK"));
        RouteVerdict furniture = verifier.verify(onDelhiRoads(truck, JAN_10_2026, 4, "23:30", "03:00", FURNITURE));

        assertThat(milk.check("DL-GRAP4-DL-DIESEL-MGV-HGV").orElseThrow())
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.EXEMPT))
                .satisfies(c -> assertThat(c.evidence()).containsKey("exemption"));
        assertThat(furniture.check("DL-GRAP4-DL-DIESEL-MGV-HGV").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }

    // ---- Plan checks ----

    @Test
    void twoOrdersHeavierThanTheTruckFailTheWeightCapacity() {
        Vehicle truck = hgvDieselBs6Haryana();
        RouteVerdict verdict = verifier.verify(planned(truck, JAN_10_2026, GRAP_I, at("23:10"), List.of(
                order("ORD-A", 8_000, ALL_DAY, 20, FURNITURE),
                order("ORD-B", 8_000, ALL_DAY, 20, FURNITURE))));

        assertThat(truck.capacityKg()).isEqualTo(12_500);
        assertThat(verdict.check("PLAN-CAPACITY-KG").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.check("PLAN-CAPACITY-M3").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdict.blocked()).isTrue();
    }

    @Test
    void arrivingAfterTheWindowClosesFailsTheTimeWindow() {
        Vehicle truck = hgvDieselBs6Haryana();
        RouteVerdict verdict = verifier.verify(planned(truck, JAN_10_2026, GRAP_I, at("23:45"), List.of(
                order("ORD-LATE", 500, TimeWindow.of("23:00", "00:00"), 10, FURNITURE))));

        RuleCheck window = verdict.check("PLAN-TIME-WINDOW").orElseThrow();
        assertThat(window.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(window.message()).contains("ORD-LATE");
    }

    @Test
    void arrivingBetweenTwoWindowsMeansWaitingForTheSecond() {
        Vehicle truck = hgvDieselBs6Haryana();
        Order twoWindows = withSecondWindow(order("ORD-TWO", 500, TimeWindow.of("22:00", "22:30"), 10, FURNITURE),
                TimeWindow.of("23:50", "01:00"));
        RouteUnderReview route = planned(truck, JAN_10_2026, GRAP_I, at("22:45"), List.of(twoWindows));

        RouteVerdict verdict = verifier.verify(route);

        assertThat(route.route().stops().get(0).serviceStartSeconds()).isEqualTo(at("23:50"));
        assertThat(verdict.check("PLAN-TIME-WINDOW").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdict.check("PLAN-TIMELINE").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void arrivingAfterBothWindowsFailsTheTimeWindowShowingBoth() {
        Vehicle truck = hgvDieselBs6Haryana();
        Order twoWindows = withSecondWindow(order("ORD-TWO", 500, TimeWindow.of("22:00", "22:30"), 10, FURNITURE),
                TimeWindow.of("23:00", "00:00"));

        RouteVerdict verdict = verifier.verify(planned(truck, JAN_10_2026, GRAP_I, at("23:45"), List.of(twoWindows)));

        RuleCheck window = verdict.check("PLAN-TIME-WINDOW").orElseThrow();
        assertThat(window.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(window.message()).contains("ORD-TWO");
        assertThat(window.evidence().toString()).contains("22:00-22:30, 23:00-00:00");
        assertThat(verdict.blocked()).isTrue();
    }

    private static Order withSecondWindow(Order o, TimeWindow second) {
        return new Order(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(), o.location(), o.weightKg(),
                o.volumeM3(), DeliveryWindows.of(o.windows().first(), second), o.serviceMinutes(), o.priority(),
                o.depotId(), o.goodsType());
    }

    @Test
    void arrivingBeforeTheWindowOpensMeansWaitingNotFailing() {
        Vehicle truck = hgvDieselBs6Haryana();
        RouteVerdict verdict = verifier.verify(planned(truck, JAN_10_2026, GRAP_I, at("23:05"), List.of(
                order("ORD-WAIT", 500, TimeWindow.of("23:50", "01:00"), 10, FURNITURE))));

        RuleCheck window = verdict.check("PLAN-TIME-WINDOW").orElseThrow();
        assertThat(window.verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdict.check("PLAN-TIMELINE").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aRouteOutsideTheDriversShiftFailsTheShiftCheck() {
        RouteVerdict verdict = verifier.verify(onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "15:00", "18:00", FURNITURE));

        assertThat(verdict.check("PLAN-SHIFT").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void storedTimesThatDisagreeWithTheTravelModelFailTheTimelineCheck() {
        RouteUnderReview honest = onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "23:05", "05:40", FURNITURE);
        PlannedRoute r = honest.route();
        PlannedRoute optimistic = new PlannedRoute(r.vehicleId(), r.depotId(), r.departureSeconds(),
                r.returnSeconds() - 600, r.distanceKm(), r.stops());
        RouteUnderReview tampered = new RouteUnderReview(honest.planDate(), honest.grapStage(), honest.depot(),
                honest.vehicle(), optimistic, honest.ordersInStopOrder());

        assertThat(verifier.verify(honest).check("PLAN-TIMELINE").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        RuleCheck timeline = verifier.verify(tampered).check("PLAN-TIMELINE").orElseThrow();
        assertThat(timeline.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(timeline.message()).contains("return");
    }

    @Test
    void aDepotClosedWhenTheVehicleComesBackFailsTheDepotHours() {
        RouteUnderReview late = onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "23:05", "05:40", FURNITURE);
        Depot closesAtFive = new Depot(late.depot().id(), late.depot().name(),
                late.depot().location(), TimeWindow.of("21:00", "05:00"));
        RouteUnderReview atSmallDepot = new RouteUnderReview(late.planDate(), late.grapStage(), closesAtFive,
                late.vehicle(), late.route(), late.ordersInStopOrder());

        RuleCheck depot = verifier.verify(atSmallDepot).check("PLAN-DEPOT-HOURS").orElseThrow();
        assertThat(depot.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(depot.message()).contains("closed at return");
    }

    // ---- Report shape ----

    @Test
    void everyPackRuleIsReportedOnceAndUnevaluatedRulesSayWhy() {
        RouteVerdict verdict = verifier.verify(onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "23:05", "05:40", FURNITURE));

        assertThat(verdict.checks()).extracting(RuleCheck::ruleId).doesNotHaveDuplicates()
                .containsAll(pack.rules().stream().map(Rule::id).toList())
                .contains("PLAN-CAPACITY-KG", "PLAN-CAPACITY-M3", "PLAN-TIME-WINDOW", "PLAN-SHIFT",
                        "PLAN-DEPOT-HOURS", "PLAN-TIMELINE");
        assertThat(verdict.checks()).extracting(RuleCheck::ruleId).contains("DL-ECC");
        assertThat(verdict.check("DL-NOENTRY-MARKETS").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        RuleCheck events = verdict.check("DL-EVENT-OVERRIDE").orElseThrow();
        assertThat(events.verdict()).isEqualTo(Verdict.NOT_EVALUATED);
        assertThat(events.message()).isEqualTo("event overrides are not supplied yet");
        assertThat(verdict.check("DRV-REST").orElseThrow().message()).contains("previous duty");
        assertThat(verdict.check("DL-SEASONAL-MGV-HGV-OUTSIDE").orElseThrow().verdict()).isEqualTo(Verdict.NOT_EVALUATED);
    }

    @Test
    void evidenceListsTheRouteTimesInIstFirst() {
        RouteVerdict verdict = verifier.verify(onDelhiRoads(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, "23:05", "05:40", FURNITURE));

        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().evidence().keySet())
                .startsWith("on_road_from", "on_road_until", "vehicle_class");
        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().evidence())
                .containsEntry("on_road_from", "2026-01-10T23:05+05:30")
                .containsEntry("on_road_until", "2026-01-11T05:40+05:30");
    }
}
