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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The shipped pack's zones as an officer would check them on a map: Delhi NCT holds every edge of
 * Delhi with a margin and none of the neighbouring cities' centres; each notified market holds
 * at least 300 m round its centre. Coordinates are of places, not of the outline's vertices, so
 * these tests would catch an outline drawn inside Delhi again (issue 12, finding 2).
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

    /** Places at every edge of Delhi (and a few of its ends), lat/lon of the locality or its metro station. */
    static Stream<Place> edgesOfDelhi() {
        return Stream.of(
                new Place("Narela (north)", 28.8527, 77.0929),
                new Place("Bankner (north-west of Narela)", 28.8500, 77.0600),
                new Place("Alipur (north, GT Karnal Road)", 28.7970, 77.1337),
                new Place("Burari (north, Yamuna)", 28.7520, 77.2000),
                // on the Yamuna at the northern tip; the Haryana line is about 0.8 km north
                new Place("Palla (north-east, Yamuna)", 28.8350, 77.2150),
                // the Loni (UP) line runs about 1 km north and east
                new Place("Sonia Vihar (north-east)", 28.7290, 77.2520),
                new Place("Shahdara (east)", 28.6731, 77.2895),
                // the Ghaziabad line runs just east of the metro station: near the line
                new Place("Dilshad Garden metro (east, UP border)", 28.6758, 77.3213),
                // the Kaushambi (UP) line runs a few hundred metres east: near the line
                new Place("Anand Vihar (east, UP border)", 28.6469, 77.3158),
                new Place("Ghazipur (east, NH-9)", 28.6250, 77.3270),
                new Place("Mayur Vihar Phase 1 (east)", 28.6044, 77.2893),
                // Noida Sector 15 is across the road: near the line
                new Place("New Ashok Nagar metro (east, Noida border)", 28.5893, 77.3020),
                new Place("Kalindi Kunj (south-east, Yamuna)", 28.5430, 77.3080),
                new Place("Jaitpur (south-east)", 28.5080, 77.3240),
                new Place("Meethapur (south-east, issue 12)", 28.5120, 77.3170),
                // the Faridabad line crosses Mathura Road about 0.7 km south: near the line
                new Place("Badarpur border metro (south-east, Faridabad border)", 28.4936, 77.3030),
                new Place("Sangam Vihar (south)", 28.4960, 77.2450),
                new Place("Asola (south)", 28.4600, 77.1950),
                new Place("Chhatarpur (south)", 28.5070, 77.1780),
                new Place("Mehrauli (south)", 28.5244, 77.1855),
                // the Gurugram line runs about 2 km west, on the MG Road
                new Place("Aya Nagar (south, Gurugram border)", 28.4720, 77.1300),
                new Place("Kapashera (south-west, Gurugram border)", 28.5265, 77.0840),
                new Place("Dwarka Sector 21 (south-west)", 28.5523, 77.0584),
                new Place("Chhawla (south-west)", 28.5500, 76.9880),
                new Place("Najafgarh (west)", 28.6092, 76.9798),
                // the westernmost village of Delhi; Haryana is about 0.8 km west
                new Place("Dhansa (west)", 28.5780, 76.8510),
                // the Bahadurgarh line crosses NH-9 about 1 km west
                new Place("Tikri Kalan (west, Bahadurgarh border)", 28.6860, 76.9750),
                new Place("Mundka (west)", 28.6823, 77.0310),
                new Place("Kanjhawala (north-west)", 28.7250, 77.0050),
                new Place("Bawana (north-west)", 28.7990, 77.0390),
                new Place("Qutabgarh (north-west, Haryana border)", 28.8300, 76.9950));
    }

    /** The centres of the cities round Delhi, none of which is Delhi. */
    static Stream<Place> neighbouringCities() {
        return Stream.of(
                new Place("Gurugram", 28.4595, 77.0266),
                new Place("Faridabad", 28.4089, 77.3178),
                new Place("Noida (Sector 18)", 28.5708, 77.3261),
                new Place("Ghaziabad", 28.6692, 77.4538),
                new Place("Sonipat", 28.9900, 77.0220),
                // Bahadurgarh town, west of the Tikri border
                new Place("Bahadurgarh", 28.6920, 76.9240),
                new Place("Loni", 28.7515, 77.2890),
                // Kundli on NH-44, north of the Singhu border; Delhi's northernmost point is at 28.88 N
                new Place("Kundli", 28.8900, 77.1150));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgesOfDelhi")
    void everyEdgeOfDelhiIsInsideTheNctZoneWithAMargin(Place place) {
        Geometry delhi = nct();

        assertThat(delhi.covers(point(place))).as("%s inside DELHI_NCT", place).isTrue();
        assertThat(metresToEdge(delhi, place)).as("%s: metres inside the zone's edge", place).isGreaterThan(MIN_INSIDE_M);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neighbouringCities")
    void neighbouringCityCentresStayOutsideTheNctZone(Place city) {
        Geometry delhi = nct();

        assertThat(delhi.covers(point(city))).as("%s inside DELHI_NCT", city).isFalse();
        assertThat(metresToEdge(delhi, city)).as("%s: metres outside the zone's edge", city).isGreaterThan(MIN_OUTSIDE_M);
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

    // ---- Markets (finding 4) ----

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
