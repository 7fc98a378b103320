package dev.routeplan.reports.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapOutlineTests {

    @Test
    void bundlesTheApproximateOutlineOfDelhi() {
        MapOutline delhi = MapOutline.delhi();

        assertThat(delhi.name()).isEqualTo("NCT of Delhi");
        assertThat(delhi.rings()).hasSize(1);
        assertThat(delhi.rings().get(0).size()).isBetween(40, 81);
        double[] bounds = delhi.bounds();
        assertThat(bounds[0]).isBetween(76.83, 76.86);
        assertThat(bounds[1]).isBetween(28.39, 28.42);
        assertThat(bounds[2]).isBetween(77.33, 77.36);
        assertThat(bounds[3]).isBetween(28.87, 28.89);
    }

    @Test
    void bundlesTheSameOutlineAsTheConfigFolder() throws Exception {
        Path config = Path.of("..", "config", "maps", "delhi-outline.geojson");
        byte[] bundled;
        try (var in = MapOutline.class.getResourceAsStream(MapOutline.DELHI_RESOURCE)) {
            bundled = in.readAllBytes();
        }

        assertThat(Files.readAllBytes(config)).isEqualTo(bundled);
        assertThat(MapOutline.read(config).bounds()).containsExactly(MapOutline.delhi().bounds());
    }

    @Test
    void readsEveryPolygonOfAMultiPolygon(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two-islands.geojson");
        Files.writeString(file, """
                {"type": "MultiPolygon", "coordinates": [
                  [[[77.0, 28.5], [77.1, 28.5], [77.1, 28.6], [77.0, 28.5]]],
                  [[[77.2, 28.5], [77.3, 28.5], [77.3, 28.6], [77.2, 28.5]]]]}""");

        MapOutline outline = MapOutline.read(file);

        assertThat(outline.rings()).hasSize(2);
        assertThat(outline.bounds()).containsExactly(77.0, 28.5, 77.3, 28.6);
    }

    @Test
    void namesTheFileWhenAPositionIsNotLonLat() {
        assertThatThrownBy(() -> MapOutline.parse("city.geojson",
                "{\"type\": \"Polygon\", \"coordinates\": [[[77.0, 28.5], [\"east\", 28.5], [77.1, 28.6], [77.0, 28.5]]]}"))
                .isInstanceOf(MapOutlineException.class)
                .hasMessageContaining("city.geojson").hasMessageContaining("[east, 28.5]");
    }

    @Test
    void refusesAFileWithoutAnyPolygon() {
        assertThatThrownBy(() -> MapOutline.parse("points.geojson",
                "{\"type\": \"Point\", \"coordinates\": [77.0, 28.5]}"))
                .isInstanceOf(MapOutlineException.class).hasMessageContaining("points.geojson has no Polygon");
    }

    @Test
    void picksRoundScaleBarLengths() {
        assertThat(ScaleBar.niceKm(7.3)).isEqualTo(5);
        assertThat(ScaleBar.niceKm(19)).isEqualTo(10);
        assertThat(ScaleBar.niceKm(2.5)).isEqualTo(2);
        assertThat(ScaleBar.niceKm(0.7)).isEqualTo(0.5);
        assertThat(ScaleBar.label(0.5)).isEqualTo("500 m");
    }
}
