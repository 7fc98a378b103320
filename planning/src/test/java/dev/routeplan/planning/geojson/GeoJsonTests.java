package dev.routeplan.planning.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeoJsonTests {

    @Test
    void keepsEachFeaturesNameAndPropertiesBesideItsGeometry() {
        GeoJson json = GeoJson.read("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "Sadar Bazaar", "approximate": true},
                   "geometry": {"type": "Polygon", "coordinates": [[[77.0, 28.5], [77.1, 28.5], [77.1, 28.6], [77.0, 28.5]]]}},
                  {"type": "Feature", "properties": {},
                   "geometry": {"type": "LineString", "coordinates": [[77.0, 28.5], [77.1, 28.6]]}}]}""", "MARKETS");

        assertThat(json.type()).isEqualTo("FeatureCollection");
        assertThat(json.features()).extracting(GeoFeature::name).containsExactly("Sadar Bazaar", "MARKETS[1]");
        assertThat(json.features().get(0).properties()).containsEntry("approximate", true);
        assertThat(json.features().get(0).geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(json.features().get(0).geometry().getArea()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.features().get(1).geometry().getGeometryType()).isEqualTo("LineString");
    }

    @Test
    void readsABareGeometryAsOneFeature() {
        GeoJson json = GeoJson.read("""
                {"type": "MultiPolygon", "coordinates": [
                  [[[77.0, 28.5], [77.1, 28.5], [77.1, 28.6], [77.0, 28.5]]],
                  [[[77.2, 28.5], [77.3, 28.5], [77.3, 28.6], [77.2, 28.5]]]]}""", "islands");

        assertThat(json.features()).singleElement().satisfies(f -> assertThat(f.geometry().getNumGeometries()).isEqualTo(2));
    }

    @Test
    void namesTheFeatureAndThePositionThatIsNotLonLat() {
        assertThatThrownBy(() -> GeoJson.read("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Chandni Chowk"},
                  "geometry": {"type": "Polygon", "coordinates": [[[77.2, 28.6], [77.2375, "north"], [77.3, 28.7], [77.2, 28.6]]]}}]}""",
                "Z"))
                .isInstanceOf(GeoJsonException.class)
                .hasMessage("feature 0 (Chandni Chowk): position [77.2375, north] is not [lon, lat]");
    }

    @Test
    void refusesAnOpenRingAndAPositionOutsideTheGlobe() {
        assertThatThrownBy(() -> GeoJson.read(
                "{\"type\": \"Polygon\", \"coordinates\": [[[77.0, 28.5], [77.1, 28.5], [77.1, 28.6], [77.0, 28.7]]]}", "Z"))
                .hasMessage("polygon ring must be closed and have at least 4 positions");
        assertThatThrownBy(() -> GeoJson.read("{\"type\": \"Point\", \"coordinates\": [200.0, 28.5]}", "Z"))
                .hasMessage("position [200.0, 28.5] is outside lon/lat range");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> GeoJson.read("{\"type\": \"Polygon\", ", "Z"))
                .isInstanceOf(GeoJsonException.class).hasMessageStartingWith("is not valid GeoJSON: ");
    }
}
