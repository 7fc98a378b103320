package dev.routeplan.app.console;

import dev.routeplan.app.plans.PlanRoutes.DepotRoutes;
import dev.routeplan.app.plans.PlanRoutes.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A depot's routes drawn to scale for an inline SVG: the depot, then each route from the depot
 * through its stops in order and back, one colour per vehicle ({@code route-cN} in console.css,
 * as the CSP allows no inline style). Positions are projected equirectangularly (longitude
 * shortened by the cosine of the latitude), which at the scale of a city is true to within a
 * fraction of a percent, and fitted into the view box with a margin.
 *
 * @param scaleKm    the length the scale bar stands for
 * @param scaleWidth the scale bar's length in view-box units
 */
record RouteMapSvg(int width, int height, Point depot, List<Line> lines, int scaleKm, double scaleWidth) {

    static final int WIDTH = 400;
    static final int HEIGHT = 280;
    static final int COLOURS = 10;
    private static final double MARGIN = 18;
    private static final double KM_PER_DEGREE = 111.32;

    /** A place in view-box units. */
    record Point(double x, double y) {

        public String at() {
            return fmt(x) + "," + fmt(y);
        }
    }

    /** One route: the colour class, the polyline's points and its stops. */
    record Line(String vehicleId, String colour, boolean published, String points, List<Point> stops) {
    }

    /** The colour class of the route at this index of the depot's routes (legend and map agree through it). */
    static String colour(int index) {
        return "route-c" + index % COLOURS;
    }

    static RouteMapSvg of(DepotRoutes depot) {
        List<double[]> all = new ArrayList<>();
        all.add(new double[] {depot.lat(), depot.lon()});
        depot.routes().forEach(r -> r.stops().forEach(s -> all.add(new double[] {s.lat(), s.lon()})));
        double cos = Math.cos(Math.toRadians(depot.lat()));
        double minX = all.stream().mapToDouble(p -> p[1] * cos).min().orElseThrow();
        double maxX = all.stream().mapToDouble(p -> p[1] * cos).max().orElseThrow();
        double minY = all.stream().mapToDouble(p -> -p[0]).min().orElseThrow();
        double maxY = all.stream().mapToDouble(p -> -p[0]).max().orElseThrow();
        double spanX = Math.max(maxX - minX, 1e-6);
        double spanY = Math.max(maxY - minY, 1e-6);
        double scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
        double offsetX = (WIDTH - spanX * scale) / 2;
        double offsetY = (HEIGHT - spanY * scale) / 2;
        Projection projection = (lat, lon) -> new Point(offsetX + (lon * cos - minX) * scale, offsetY + (-lat - minY) * scale);

        Point home = projection.at(depot.lat(), depot.lon());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < depot.routes().size(); i++) {
            Route route = depot.routes().get(i);
            List<Point> stops = route.stops().stream().map(s -> projection.at(s.lat(), s.lon())).toList();
            String points = Stream.of(Stream.of(home), stops.stream(), Stream.of(home)).flatMap(p -> p)
                    .map(Point::at).collect(Collectors.joining(" "));
            lines.add(new Line(route.vehicleId(), colour(i), route.published(), points, stops));
        }
        // a round length of about a fifth of the width
        double kmPerUnit = 1 / scale * KM_PER_DEGREE;
        int scaleKm = roundKm(WIDTH / 5.0 * kmPerUnit);
        return new RouteMapSvg(WIDTH, HEIGHT, home, lines, scaleKm, scaleKm / kmPerUnit);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    /** Where the scale bar is drawn: the bottom left corner. */
    public String scaleBar() {
        double y = height - 8;
        return "M 8 " + fmt(y - 4) + " V " + fmt(y) + " H " + fmt(8 + scaleWidth) + " V " + fmt(y - 4);
    }

    private static int roundKm(double km) {
        for (int round : new int[] {1, 2, 5, 10, 20, 50}) {
            if (km <= round * 1.5) {
                return round;
            }
        }
        return 100;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @FunctionalInterface
    private interface Projection {
        Point at(double lat, double lon);
    }
}
