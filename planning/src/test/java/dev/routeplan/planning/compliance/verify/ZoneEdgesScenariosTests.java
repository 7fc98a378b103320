package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.ALL_DAY;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.JAN_10_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.OKHLA_DEPOT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.DelhiRulesScenariosTests.hgvDieselBs6Haryana;
import static dev.routeplan.planning.compliance.verify.DelhiRulesScenariosTests.lgvElectricDelhi;
import static dev.routeplan.planning.compliance.verify.DelhiRulesScenariosTests.oneDrop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Vehicle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Time spent at the edges of Delhi and round the notified markets is time in their zones. Given a
 * route, when the verifier checks it, then the rule under test has the verdict and exactly these
 * checks fail.
 */
class ZoneEdgesScenariosTests {

    private static final ComplianceVerifier VERIFIER = new ComplianceVerifier(shippedPack(), HALF_HOUR_LEGS);
    private static final GrapCalendar STAGE_I = GrapCalendar.constant(1, "constant");
    private static final String FURNITURE = "FURNITURE";

    /** A depot across the Faridabad border on Mathura Road: its legs reach Delhi only at the stop. */
    static final Depot FARIDABAD_DEPOT = new Depot("HR-FARIDABAD", "Faridabad, Mathura Road",
            new GeoPoint(28.4089, 77.3178), ALL_DAY);
    /** A depot in Mayapuri Industrial Area, west Delhi, 3.5 km east of Tilak Nagar. */
    static final Depot MAYAPURI_DEPOT = new Depot("DEL-MAYAPURI", "Mayapuri Industrial Area",
            new GeoPoint(28.6280, 77.1300), ALL_DAY);

    /** Badarpur border metro station, Delhi's south-east corner on Mathura Road. */
    static final GeoPoint BADARPUR = new GeoPoint(28.4936, 77.3030);
    /** Meethapur, the point of the finding: south-east Delhi, left outside the former outline. */
    static final GeoPoint MEETHAPUR = new GeoPoint(28.512, 77.317);
    /**
     * 250 m east of Lajpat Nagar Central Market's centre (28.5677, 77.2433): inside the market
     * zone now, outside the former one (about 220 m round the centre).
     */
    static final GeoPoint NEAR_LAJPAT_NAGAR_MARKET = new GeoPoint(28.5677, 77.2459);
    /** 250 m south of Tilak Nagar market's centre by the metro station (28.6365, 77.0962). */
    static final GeoPoint NEAR_TILAK_NAGAR_MARKET = new GeoPoint(28.63425, 77.0962);

    /** The routes of this class: one furniture drop on 10 Jan 2026 at GRAP stage I, without permits. */
    private static RouteUnderReview furnitureDrop(Vehicle v, Depot depot, GeoPoint stop, String from, String until) {
        return oneDrop(v, JAN_10_2026, STAGE_I, depot, stop, from, until, FURNITURE, List.of());
    }

    /** This table's rows, run by {@link ComplianceScenariosTests}. */
    static Stream<RouteScenario> scenarios() {
        Vehicle hgv = hgvDieselBs6Haryana();
        Vehicle ev = lgvElectricDelhi();
        return Stream.of(Stream.of(
                new RouteScenario("HGV from Faridabad, daytime stop at Badarpur 11:30",
                        furnitureDrop(hgv, FARIDABAD_DEPOT, BADARPUR, "11:00", "12:30"),
                        "DL-NOENTRY-HGV", Verdict.FAIL, Set.of("DL-NOENTRY-HGV")),
                new RouteScenario("HGV from Faridabad, daytime stop at Meethapur 11:30",
                        furnitureDrop(hgv, FARIDABAD_DEPOT, MEETHAPUR, "11:00", "12:30"),
                        "DL-NOENTRY-HGV", Verdict.FAIL, Set.of("DL-NOENTRY-HGV")),
                new RouteScenario("HGV from Faridabad, night stop at Badarpur 23:30",
                        furnitureDrop(hgv, FARIDABAD_DEPOT, BADARPUR, "23:00", "00:30"),
                        "DL-NOENTRY-HGV", Verdict.PASS, Set.of())),
                marketStopInAndAfterItsWindow(ev, "250 m from Lajpat Nagar market's centre", OKHLA_DEPOT,
                        NEAR_LAJPAT_NAGAR_MARKET),
                marketStopInAndAfterItsWindow(ev, "250 m from Tilak Nagar market (by the metro)", MAYAPURI_DEPOT,
                        NEAR_TILAK_NAGAR_MARKET))
                .flatMap(rows -> rows);
    }

    /** A stop near a market twice: at 13:00, inside its 12:30-20:00 window, blocked; at 20:30, after it, allowed. */
    private static Stream<RouteScenario> marketStopInAndAfterItsWindow(Vehicle ev, String stop, Depot depot, GeoPoint at) {
        return Stream.of(
                new RouteScenario("EV LGV stop " + stop + " at 13:00", furnitureDrop(ev, depot, at, "12:30", "13:40"),
                        "DL-NOENTRY-MARKETS", Verdict.FAIL, Set.of("DL-NOENTRY-MARKETS")),
                new RouteScenario("EV LGV stop " + stop + " at 20:30", furnitureDrop(ev, depot, at, "20:00", "21:10"),
                        "DL-NOENTRY-MARKETS", Verdict.PASS, Set.of()));
    }


    @Test
    void blocksADaytimeHgvAtBadarpurNamingTheLegAndTheWidenedZone() {
        RuleCheck hgv = VERIFIER.verify(furnitureDrop(hgvDieselBs6Haryana(), FARIDABAD_DEPOT, BADARPUR, "11:00", "12:30"))
                .check("DL-NOENTRY-HGV").orElseThrow();

        assertThat(hgv.evidence()).containsEntry("zone", "DELHI_NCT");
        assertThat(hgv.evidence().get("zone_geometry").toString()).contains("delhi-nct.geojson", "widened by 600 m");
        assertThat(firstViolation(hgv)).containsEntry("where", "leg depot HR-FARIDABAD -> ORD-1100");
    }

    @Test
    void aMarketStopIsBlockedByTheMarketItIsNear() {
        RuleCheck markets = VERIFIER.verify(furnitureDrop(lgvElectricDelhi(), MAYAPURI_DEPOT, NEAR_TILAK_NAGAR_MARKET,
                "12:30", "13:40")).check("DL-NOENTRY-MARKETS").orElseThrow();

        assertThat(firstViolation(markets))
                .containsEntry("feature", "Tilak Nagar")
                .containsEntry("window", "12:30-20:00");
        assertThat(markets.evidence().get("zone_geometry").toString()).contains("markets-2021.geojson", "widened by 400 m");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstViolation(RuleCheck check) {
        return ((List<Map<String, Object>>) check.evidence().get("violations")).get(0);
    }
}
