package dev.routeplan.reports.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.DepotPlanFixtures;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RouteMapRendererTests {

    private final RouteMapRenderer renderer = new RouteMapRenderer();

    @Test
    void drawsAPngOfTheRequestedSize() throws IOException {
        RouteMapImage map = renderer.render(DepotPlanFixtures.okhlaWithTwoRoutes());

        BufferedImage png = decoded(map);
        assertThat(png.getWidth()).isEqualTo(1600).isEqualTo(map.widthPx());
        assertThat(png.getHeight()).isEqualTo(1200).isEqualTo(map.heightPx());
        assertThat(decoded(renderer.render(DepotPlanFixtures.okhlaWithTwoRoutes(), MapOutline.delhi(), 640, 480)))
                .extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(640, 480);
    }

    @Test
    void drawsEachRouteInItsOwnColour() throws IOException {
        BufferedImage png = decoded(renderer.render(DepotPlanFixtures.okhlaWithTwoRoutes()));

        assertThat(pixelsOf(png, RoutePalette.colour(0))).as("day van's colour").isGreaterThan(500);
        assertThat(pixelsOf(png, RoutePalette.colour(1))).as("night truck's colour").isGreaterThan(500);
        assertThat(pixelsOf(png, RoutePalette.colour(2))).as("a colour no route has").isZero();
        assertThat(distinctColours(png)).isGreaterThan(200);
    }

    @Test
    void showsTheOutlineAndTheDepotWhenThereAreNoRoutes() throws IOException {
        BufferedImage png = decoded(renderer.render(DepotPlanFixtures.okhlaWithoutRoutes()));

        assertThat(pixelsOf(png, new Color(0xEEEEEE))).as("land").isGreaterThan(100_000);
        assertThat(pixelsOf(png, Color.BLACK)).as("depot square and text").isGreaterThan(500);
        for (int i = 0; i < RoutePalette.size(); i++) {
            assertThat(pixelsOf(png, RoutePalette.colour(i))).isZero();
        }
    }

    @Test
    void givesTheSameBytesForTheSamePlan() {
        assertThat(renderer.render(DepotPlanFixtures.okhlaWithTwoRoutes()).png())
                .isEqualTo(renderer.render(DepotPlanFixtures.okhlaWithTwoRoutes()).png());
    }

    @Test
    void drawsFortyRoutesWithAThousandStopsWithinFiveSeconds() throws IOException {
        DepotPlanDocument big = manyRoutes(40, 25);
        assertThat(big.stopCount()).isEqualTo(1000);

        long started = System.nanoTime();
        RouteMapImage map = renderer.render(big);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).isLessThan(5_000);
        BufferedImage png = decoded(map);
        for (int i = 0; i < RoutePalette.size(); i++) {
            assertThat(pixelsOf(png, RoutePalette.colour(i))).as("palette colour " + i).isGreaterThan(100);
        }
    }

    @Test
    void rejectsAPictureTooSmallToRead() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> renderer.render(DepotPlanFixtures.okhlaWithTwoRoutes(), MapOutline.delhi(), 100, 80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100x80");
    }

    /** Routes fanning out from Okhla over south and east Delhi, positions from a fixed LCG. */
    static DepotPlanDocument manyRoutes(int routes, int stopsPerRoute) {
        DepotPlanDocument okhla = DepotPlanFixtures.okhlaWithoutRoutes();
        List<RouteDocument> documents = new ArrayList<>();
        long seed = 42;
        for (int r = 0; r < routes; r++) {
            String vehicleId = String.format("DL1LV%04d", r);
            Vehicle van = new Vehicle(vehicleId, okhla.depot().id(), VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6,
                    LocalDate.of(2022, 3, 1), "DL", 3_490, 2, 1_500, 7.5, TimeWindow.of("06:00", "22:00"), 18.0, 900.0,
                    "DRV-" + r, LocalDate.of(2026, 2, 28), LocalDate.of(2027, 3, 31));
            List<Order> orders = new ArrayList<>();
            List<PlannedStop> stops = new ArrayList<>();
            for (int s = 1; s <= stopsPerRoute; s++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                double lat = 28.45 + ((seed >>> 20) % 3000) / 10_000.0;
                double lon = 77.10 + ((seed >>> 40) % 2000) / 10_000.0;
                String id = String.format("ORD-%02d-%03d", r, s);
                orders.add(new Order(id, "Shop " + s, "+91 98100 00000", "Street " + s, "110020", new GeoPoint(lat, lon),
                        10, 0.04, TimeWindow.of("06:00", "22:00"), 5, 1, okhla.depot().id(), "FMCG"));
                stops.add(new PlannedStop(s, id, 25_200 + s * 600L, 25_200 + s * 600L, 25_500 + s * 600L, 1.5, 0));
            }
            documents.add(new RouteDocument(van, new PlannedRoute(vehicleId, okhla.depot().id(), 25_200,
                    25_200 + stopsPerRoute * 600L + 1_800, stopsPerRoute * 1.5, stops), orders));
        }
        return new DepotPlanDocument(okhla.planDate(), okhla.depot(), documents, List.of(), okhla.rulePackId(),
                okhla.rulePackVersion());
    }

    private static BufferedImage decoded(RouteMapImage map) throws IOException {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(map.png()));
        assertThat(png).as("decodes as PNG").isNotNull();
        return png;
    }

    private static int pixelsOf(BufferedImage png, Color colour) {
        int wanted = colour.getRGB() & 0xFFFFFF;
        int count = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if ((png.getRGB(x, y) & 0xFFFFFF) == wanted) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distinctColours(BufferedImage png) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 2) {
            for (int x = 0; x < png.getWidth(); x += 2) {
                colours.add(png.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
