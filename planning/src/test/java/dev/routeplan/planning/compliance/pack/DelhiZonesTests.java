package dev.routeplan.planning.compliance.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.planning.compliance.verify.ComplianceFixtures;
import dev.routeplan.planning.geojson.GeoFeature;
import dev.routeplan.planning.geojson.GeoJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The shipped pack's zones as an officer would check them on a map: Delhi NCT holds every edge of
 * Delhi with a margin and none of the neighbouring cities' centres; each notified market holds
 * at least 300 m round its centre. Coordinates are of places, not of the outline's vertices, so
 * these tests would catch an outline drawn inside Delhi again.
 */
class DelhiZonesTests {

    private static final Path SHIPPED_PACK = ComplianceFixtures.SHIPPED_PACK;
    private static final RulePack PACK = RulePackLoader.load(SHIPPED_PACK);
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** A place in Delhi must be this far inside the zone: the margin is real, not a rounding. */
    private static final double MIN_INSIDE_M = 300;
    /** A neighbouring city's centre must be this far outside the zone. */
    private static final double MIN_OUTSIDE_M = 1_000;

    record Place(String name, double lat, double lon) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The place tables, with their notes: name, lat, lon of the locality or its metro station. */
    private static final String PLACES = "/dev/routeplan/planning/compliance/pack/";

    /** Places at every edge of Delhi (and a few of its ends), in edges-of-delhi.csv. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = PLACES + "edges-of-delhi.csv")
    void everyEdgeOfDelhiIsInsideTheNctZoneWithAMargin(String name, double lat, double lon) {
        assertThat(metresInsideNct(new Place(name, lat, lon))).as("%s: metres inside DELHI_NCT's edge", name)
                .isGreaterThan(MIN_INSIDE_M);
    }

    /** The centres of the cities round Delhi, none of which is Delhi, in neighbouring-cities.csv. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = PLACES + "neighbouring-cities.csv")
    void neighbouringCityCentresStayOutsideTheNctZone(String name, double lat, double lon) {
        assertThat(metresInsideNct(new Place(name, lat, lon)))
                .as("%s: metres inside DELHI_NCT's edge (below 0: outside)", name).isLessThan(-MIN_OUTSIDE_M);
    }

    @Test
    void theNctZoneIsTheDrawnOutlineWidenedByThePacksMargin(@TempDir Path tmp) throws Exception {
        Zone nct = PACK.zones().get(RulePack.DELHI_NCT);
        Path narrower = ComplianceFixtures.editedCopy(tmp, "margin_m: 600}", "margin_m: 100}");
        Geometry withSmallMargin = RulePackLoader.load(narrower).zones().get(RulePack.DELHI_NCT).features().get(0).area();

        assertThat(nct.bufferMetres()).isEqualTo(600.0);
        assertThat(nct.features().get(0).area().covers(withSmallMargin)).isTrue();
        // Delhi is 1,483 km2; the outline plus 600 m is larger, never smaller
        assertThat(squareKm(nct.features().get(0).area())).isBetween(1_483.0, 1_750.0);
    }

    @Test
    void aMarginThatWouldShrinkAZoneFailsTheLoad(@TempDir Path tmp) throws Exception {
        Path shrinking = ComplianceFixtures.editedCopy(tmp, "margin_m: 600}", "margin_m: -600}");

        assertThatThrownBy(() -> RulePackLoader.load(shrinking))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("zone DELHI_NCT: margin_m widens an area zone and must be positive");
    }

    @Test
    void theNcrZoneOfTheAgeRulesHoldsAllOfDelhi() {
        Geometry ncr = PACK.zones().get("DELHI_NCR").features().get(0).area();

        assertThat(ncr.covers(nct())).isTrue();
    }

    @Test
    void everyMarketAndRoadZoneLiesInsideDelhi() {
        Geometry delhi = nct();

        assertThat(PACK.zones().values().stream()
                .filter(z -> !z.id().equals(RulePack.DELHI_NCT) && !z.id().equals("DELHI_NCR"))
                .flatMap(z -> z.features().stream()))
                .allSatisfy(f -> assertThat(delhi.covers(f.area())).as(f.name()).isTrue());
    }

    // ---- Markets ----

    @Test
    void everyMarketZoneHoldsAtLeast300mRoundItsCentreInEveryDirection() throws Exception {
        List<GeoFeature> markets = marketsFile();
        Map<String, Geometry> zones = PACK.zones().get("MARKETS_2021").features().stream()
                .collect(java.util.stream.Collectors.toMap(ZoneFeature::name, ZoneFeature::area));

        assertThat(markets).hasSize(13);
        for (GeoFeature market : markets) {
            Place centre = centre(market);
            Geometry zone = zones.get(market.name());
            assertThat(zone.covers(point(centre))).as("%s holds its centre", market.name()).isTrue();
            assertThat(metresToEdge(zone, centre)).as("%s: metres from the centre to the zone's edge", market.name())
                    .isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void everyMarketRecordsWhereItsCentreComesFrom() throws Exception {
        assertThat(marketsFile()).allSatisfy(m -> {
            assertThat(m.properties()).as(m.name()).containsKeys("centre", "centre_source", "covers");
            assertThat(m.properties().get("centre_source").toString()).as(m.name()).hasSizeGreaterThan(20);
        });
    }

    @Test
    void tilakNagarIsCentredOnTheMarketByTheMetroStationNotTheBlocksNorthOfIt() throws Exception {
        GeoFeature tilakNagar = marketsFile().stream().filter(m -> m.name().equals("Tilak Nagar")).findFirst().orElseThrow();
        Place metroStation = new Place("Tilak Nagar metro station", 28.6364, 77.0964);
        Place oldCentre = new Place("the pack's former centre", 28.6400, 77.0945);

        assertThat(metres(centre(tilakNagar), metroStation)).isLessThan(100);
        assertThat(metres(oldCentre, metroStation)).as("the finding: about 430 m off").isGreaterThan(400);
    }

    // ---- helpers ----

    private static Geometry nct() {
        return PACK.zones().get(RulePack.DELHI_NCT).features().get(0).area();
    }

    /** Metres from the place to the NCT zone's edge: positive inside the zone, negative outside it. */
    private static double metresInsideNct(Place place) {
        Geometry delhi = nct();
        double metres = metresToEdge(delhi, place);
        return delhi.covers(point(place)) ? metres : -metres;
    }

    private static List<GeoFeature> marketsFile() throws Exception {
        return GeoJson.read(Files.readString(SHIPPED_PACK.resolveSibling("zones/markets-2021.geojson")), "market").features();
    }

    private static Place centre(GeoFeature market) {
        List<?> lonLat = (List<?>) market.properties().get("centre");
        return new Place(market.name(), ((Number) lonLat.get(1)).doubleValue(), ((Number) lonLat.get(0)).doubleValue());
    }

    private static Point point(Place p) {
        return GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
    }

    /** Metres from the place to the nearest point of the area's boundary, in a projection centred on the place. */
    private static double metresToEdge(Geometry area, Place place) {
        LocalMetres local = new LocalMetres(new Coordinate(place.lon(), place.lat()));
        return local.toMetres(area).getBoundary().distance(local.toMetres(point(place)));
    }

    private static double metres(Place a, Place b) {
        LocalMetres local = new LocalMetres(new Coordinate(a.lon(), a.lat()));
        return local.toMetres(point(a)).distance(local.toMetres(point(b)));
    }

    private static double squareKm(Geometry area) {
        return new LocalMetres(area.getCentroid().getCoordinate()).toMetres(area).getArea() / 1e6;
    }
}
