package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_I;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.JAN_10_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NEHRU_PLACE;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NIGHT_SHIFT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.OKHLA_DEPOT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.hgvDieselBs6Haryana;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.lgvDieselBs4Delhi;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.onDelhiRoads;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.vehicle;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withPermitStates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.Ineligibility;
import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Evidence an officer can reproduce. The scenario table gives a route (given),
 * verifies it (when) and names the verdict of the rule under test and the exact set of failing
 * checks (then): the ECC is a charge, a disabled rule is not evaluated, a permit must cover Delhi.
 * The tests after it read the evidence as an officer would redo a verdict by hand.
 */
class EvidenceScenariosTests {

    private static final RulePack PACK = shippedPack();
    private static final ComplianceVerifier VERIFIER = new ComplianceVerifier(PACK, HALF_HOUR_LEGS);
    private static final String FURNITURE = "FURNITURE";
    private static final LocalDate APR_01_2026 = LocalDate.of(2026, 4, 1);


    /**
     * Out of the Okhla depot 23:30, one drop in Lajpat Nagar from 00:00 (window 20:00-06:00, 150
     * min), back 03:00, at GRAP I: nothing else on the route can fail.
     */
    private static RouteUnderReview nightRoute(Vehicle v, LocalDate planDate) {
        return ComplianceFixtures.planned(v, planDate, GRAP_I, ComplianceFixtures.at("23:30"),
                List.of(ComplianceFixtures.order("ORD-23:30", 500, TimeWindow.of("20:00", "06:00"), 150, FURNITURE)));
    }

    private static Vehicle threeAxleTruckFromHaryana() {
        Vehicle v = hgvDieselBs6Haryana();
        return new Vehicle(v.id(), v.depotId(), v.vehicleClass(), v.fuel(), v.emissionNorm(), v.registrationDate(),
                v.registrationState(), v.gvwKg(), 3, v.capacityKg(), v.capacityM3(), v.shift(), v.costPerKm(),
                v.fixedCost(), v.driverId(), v.pucValidUntil(), v.permitValidUntil(), List.of("HR", "DL"));
    }

    /** This table's rows, run by {@link ComplianceScenariosTests}. */
    static Stream<RouteScenario> scenarios() {
        return Stream.of(
                new RouteScenario("ECC of a 3-axle truck entering 2026-04-01 23:30 is a charge, not a pass",
                        nightRoute(threeAxleTruckFromHaryana(), APR_01_2026),
                        "DL-ECC", Verdict.CHARGE, Set.of()),
                new RouteScenario("a rule disabled in the pack is not evaluated, not 'not applicable'",
                        nightRoute(withPermitStates(hgvDieselBs6Haryana(), "HR", "DL"), JAN_10_2026),
                        "DL-SEASONAL-MGV-HGV-OUTSIDE", Verdict.NOT_EVALUATED, Set.of()),
                new RouteScenario("HR truck whose permit covers Haryana only may not ply in Delhi",
                        nightRoute(withPermitStates(hgvDieselBs6Haryana(), "HR"), JAN_10_2026),
                        "DL-DOC-PERMIT", Verdict.FAIL, Set.of("DL-DOC-PERMIT")),
                new RouteScenario("HR truck whose permit covers Haryana and Delhi passes",
                        nightRoute(withPermitStates(hgvDieselBs6Haryana(), "HR", "DL"), JAN_10_2026),
                        "DL-DOC-PERMIT", Verdict.PASS, Set.of()),
                new RouteScenario("HR truck with a national (all-India) permit passes",
                        nightRoute(withPermitStates(hgvDieselBs6Haryana(), "ALL"), JAN_10_2026),
                        "DL-DOC-PERMIT", Verdict.PASS, Set.of()),
                new RouteScenario("HR truck whose permit states are not on record: coverage not shown, not a pass",
                        nightRoute(hgvDieselBs6Haryana(), JAN_10_2026),
                        "DL-DOC-PERMIT", Verdict.NOT_EVALUATED, Set.of()),
                new RouteScenario("HR truck with a Delhi-covering permit that expired: fails on the date",
                        nightRoute(withPermitStates(ComplianceFixtures.withDocuments(hgvDieselBs6Haryana(),
                                LocalDate.of(2030, 1, 1), JAN_10_2026), "HR", "DL"), JAN_10_2026),
                        "DL-DOC-PERMIT", Verdict.FAIL, Set.of("DL-DOC-PERMIT")),
                new RouteScenario("Delhi-registered truck: its permit is issued in Delhi and covers it",
                        nightRoute(vehicle("DL-1G-HGV-BS6", VehicleClass.HGV, Fuel.DIESEL, EmissionNorm.BS6,
                                LocalDate.of(2022, 4, 1), "DL", 25_000, NIGHT_SHIFT), JAN_10_2026),
                        "DL-DOC-PERMIT", Verdict.PASS, Set.of()));
    }


    // ---- the charge ----

    @Test
    void theEccChargeCarriesItsAmountAndIsNeverAmongThePassedChecks() {
        RouteVerdict verdict = VERIFIER.verify(nightRoute(threeAxleTruckFromHaryana(), APR_01_2026));
        RuleCheck ecc = verdict.check("DL-ECC").orElseThrow();

        assertThat(ecc.evidence()).containsEntry("amount_inr", 4000L).containsEntry("axle_class", "three_axle_plus")
                .containsEntry("rule_version", "delhi-default@" + PACK.version())
                .containsEntry("rule_source", "SC orders in MC Mehta v UoI: 9 Oct 2015, Dec 2015, 26 Sep 2025, Mar 2026");
        assertThat(ecc.evidence().get("rule_citations").toString()).contains("E2b: https://www.hindustantimes.com/");
        assertThat(ecc.blocks()).isFalse();
        assertThat(verdict.checks().stream().filter(c -> c.verdict() == Verdict.PASS).map(RuleCheck::ruleId))
                .doesNotContain("DL-ECC");
    }

    // ---- disabled rules ----

    @Test
    void aDisabledRuleSaysSoInItsMessageAndEvidence() {
        RuleCheck seasonal = VERIFIER.verify(nightRoute(hgvDieselBs6Haryana(), JAN_10_2026))
                .check("DL-SEASONAL-MGV-HGV-OUTSIDE").orElseThrow();

        assertThat(PACK.rule("DL-SEASONAL-MGV-HGV-OUTSIDE").orElseThrow().enabled()).isFalse();
        assertThat(seasonal.message()).contains("disabled in the pack");
        assertThat(seasonal.evidence()).containsEntry("rule_enabled", false);
    }

    // ---- the permit, for the planner too ----

    @Test
    void theFleetStepSetsAsideAnOutOfStateTruckWhosePermitLeavesDelhiOut() {
        VehicleEligibility eligibility = new VehicleEligibility(PACK);

        List<Ineligibility> haryanaOnly = eligibility.check(withPermitStates(hgvDieselBs6Haryana(), "HR"), JAN_10_2026);
        List<Ineligibility> withDelhi = eligibility.check(withPermitStates(hgvDieselBs6Haryana(), "HR", "DL"), JAN_10_2026);
        List<Ineligibility> notOnRecord = eligibility.check(hgvDieselBs6Haryana(), JAN_10_2026);

        assertThat(haryanaOnly).extracting(Ineligibility::ruleId).containsExactly("DL-DOC-PERMIT");
        assertThat(haryanaOnly.get(0).reason()).contains("permit covers HR, not DL");
        assertThat(withDelhi).isEmpty();
        assertThat(notOnRecord).isEmpty(); // unproven is reported by the verifier, it does not ground the vehicle
    }

    @Test
    void thePermitEvidenceNamesTheStatesItCovers() {
        RuleCheck permit = VERIFIER.verify(nightRoute(withPermitStates(hgvDieselBs6Haryana(), "HR"), JAN_10_2026))
                .check("DL-DOC-PERMIT").orElseThrow();

        assertThat(permit.evidence()).containsEntry("permit_states", "HR");
        assertThat(permit.message()).contains("permit covers HR, not DL");
    }

    // ---- what an officer needs to redo a verdict ----

    @Test
    void everyPackRuleCitesItsVersionAndLegalSource() {
        RouteVerdict verdict = VERIFIER.verify(nightRoute(withPermitStates(hgvDieselBs6Haryana(), "HR", "DL"), JAN_10_2026));

        for (Rule rule : PACK.rules()) {
            Map<String, Object> evidence = verdict.check(rule.id()).orElseThrow().evidence();
            assertThat(evidence).as(rule.id())
                    .containsEntry("rule_version", "delhi-default@" + PACK.version())
                    .containsEntry("rule_source", rule.legalSource())
                    .containsEntry("rule_refs", rule.refs());
            assertThat(rule.legalSource()).as(rule.id() + " has a legal source in the pack").isNotBlank();
            assertThat(rule.refs()).as(rule.id() + " cites DELHI-RULES.md sources").isNotEmpty();
            assertThat(PACK.citations(rule)).as(rule.id() + ": every cited source is in the pack's source_index")
                    .hasSameSizeAs(rule.refs()).noneMatch(c -> c.contains("not in the pack's source_index"));
            assertThat(evidence).containsEntry("rule_citations", PACK.citations(rule));
        }
        assertThat(verdict.check("DL-NOENTRY-HGV").orElseThrow().evidence().get("rule_citations").toString())
                .contains("S3: http://indianexpress.com/article/cities/delhi/delhi-trucks-can-enter-city-after-11-pm-4559487/");
    }

    @Test
    void everyPackRuleCarriesTheVehiclesAttributes() {
        Vehicle truck = withPermitStates(hgvDieselBs6Haryana(), "HR", "DL");
        Map<String, Object> evidence = VERIFIER.verify(nightRoute(truck, JAN_10_2026)).check("DL-NOENTRY-HGV")
                .orElseThrow().evidence();

        assertThat(evidence).containsEntry("vehicle_class", "HGV").containsEntry("fuel", "DIESEL")
                .containsEntry("emission_norm", "BS6").containsEntry("registration_state", "HR")
                .containsEntry("registration_date", "2022-04-01").containsEntry("gvw_kg", 25_000)
                .containsEntry("axles", 2).containsEntry("puc_valid_until", "2030-01-01")
                .containsEntry("permit_valid_until", "2030-01-01").containsEntry("permit_states", "DL HR");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimelineCheckListsEveryLegWithTimesAndPositionsAndNamesTheTravelModel() {
        RuleCheck timeline = VERIFIER.verify(nightRoute(hgvDieselBs6Haryana(), JAN_10_2026)).check("PLAN-TIMELINE")
                .orElseThrow();
        List<Map<String, Object>> legs = (List<Map<String, Object>>) timeline.evidence().get("legs");

        assertThat(timeline.evidence()).containsEntry("travel_model", HALF_HOUR_LEGS.describe());
        assertThat(legs).hasSize(2);
        assertThat(legs.get(0)).containsEntry("from", "depot " + OKHLA_DEPOT.id()).containsEntry("to", "ORD-23:30")
                .containsEntry("depart", "2026-01-10T23:30+05:30").containsEntry("arrive", "2026-01-11T00:00+05:30")
                .containsEntry("from_position", "28.5355,77.273").containsEntry("to_position", "28.5677,77.2433")
                .containsEntry("km", 12.0);
        assertThat(legs.get(1)).containsEntry("from", "ORD-23:30").containsEntry("to", "depot " + OKHLA_DEPOT.id())
                .containsEntry("depart", "2026-01-11T02:30+05:30").containsEntry("arrive", "2026-01-11T03:00+05:30");
    }

    @Test
    void anOfficerRedoesALegFromTheDescribedHaversineModel() {
        HaversineTravelModel model = HaversineTravelModel.delhiDefaults();
        GeoPoint okhla = OKHLA_DEPOT.location();
        long departAt2330 = 23 * 3600 + 30 * 60;

        // by hand, from the description: great-circle km x 1.35 at the HGV speed of hour 23 (30 x 1.10 km/h)
        double dLat = Math.toRadians(NEHRU_PLACE.lat() - okhla.lat());
        double dLon = Math.toRadians(NEHRU_PLACE.lon() - okhla.lon());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(okhla.lat()))
                * Math.cos(Math.toRadians(NEHRU_PLACE.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        double km = 2 * 6371.0088 * Math.asin(Math.sqrt(a)) * 1.35;
        long seconds = Math.round(km / 33.0 * 3600);

        assertThat(model.describe()).contains("x circuity 1.35").contains("HGV=[").contains(" 33]")
                .contains("earth radius 6371.0088 km");
        assertThat(model.travelSeconds(okhla, NEHRU_PLACE, VehicleClass.HGV, departAt2330)).isEqualTo(seconds);
    }

    @Test
    void aDelhiRegisteredLgvsEvidenceSaysItsPermitStatesAreNotOnRecord() {
        Map<String, Object> evidence = VERIFIER.verify(onDelhiRoads(lgvDieselBs4Delhi(LocalDate.of(2019, 1, 1)),
                JAN_10_2026, GRAP_I, "21:00", "23:00", FURNITURE)).check("DL-DOC-PERMIT").orElseThrow().evidence();

        assertThat(evidence).containsEntry("permit_states", "not on record");
    }
}
