package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.plans.PlanRoutes.DepotRoutes;
import dev.routeplan.app.plans.PlanRoutes.Route;
import dev.routeplan.app.plans.PlanRoutes.Stop;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card's route map: each route leaves the depot, passes its stops in order and comes back, all inside the view box, to scale. */
class RouteMapSvgTests {

    private static final DepotRoutes OKHLA = new DepotRoutes("D1", "Okhla", 28.53, 77.27, List.of(
            new Route("V1", "LGV", "DR1", "PASSED", 20, 0, 0, List.of(
                    new Stop(1, "O1", 28.60, 77.27), new Stop(2, "O2", 28.60, 77.35))),
            new Route("V2", "LGV", "DR2", "BLOCKED", 10, 0, 0, List.of(new Stop(1, "O3", 28.50, 77.20)))), List.of());

    @Test
    void drawsEachRouteFromTheDepotThroughItsStopsInOrderAndBack() {
        RouteMapSvg map = RouteMapSvg.of(OKHLA);

        assertThat(map.lines()).extracting(RouteMapSvg.Line::vehicleId).containsExactly("V1", "V2");
        assertThat(map.lines()).extracting(RouteMapSvg.Line::colour).containsExactly("route-c0", "route-c1");
        assertThat(map.lines()).extracting(RouteMapSvg.Line::published).containsExactly(true, false);
        String[] v1 = map.lines().get(0).points().split(" ");
        assertThat(v1).hasSize(4);
        assertThat(v1[0]).isEqualTo(map.depot().at()).isEqualTo(v1[3]);
        double[] first = xy(v1[1]);
        double[] second = xy(v1[2]);
        assertThat(first[1]).as("north is up").isLessThan(xy(map.depot().at())[1]);
        assertThat(second[0]).as("east is right").isGreaterThan(first[0]);
        assertThat(second[1]).as("same latitude, same height").isCloseTo(first[1], org.assertj.core.data.Offset.offset(0.11));
    }

    @Test
    void keepsEveryPointInsideTheViewBoxAndScalesTheBarToItsKilometres() {
        RouteMapSvg map = RouteMapSvg.of(OKHLA);

        map.lines().stream().flatMap(l -> Arrays.stream(l.points().split(" "))).map(RouteMapSvgTests::xy).forEach(p -> {
            assertThat(p[0]).isBetween(0.0, (double) RouteMapSvg.WIDTH);
            assertThat(p[1]).isBetween(0.0, (double) RouteMapSvg.HEIGHT);
        });
        // O1 is 0.07 degrees (7.8 km) north of the depot: the bar's units per km are the map's
        double[] depot = xy(map.depot().at());
        double[] o1 = xy(map.lines().get(0).points().split(" ")[1]);
        double unitsPerKm = (depot[1] - o1[1]) / (0.07 * 111.32);
        assertThat(map.scaleWidth() / map.scaleKm()).isCloseTo(unitsPerKm, org.assertj.core.data.Percentage.withPercentage(1));
    }

    private static double[] xy(String point) {
        String[] parts = point.split(",");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }
}
