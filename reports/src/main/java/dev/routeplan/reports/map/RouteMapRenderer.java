package dev.routeplan.reports.map;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws one depot's routes on its city outline as a PNG: each route depot → stops → depot in its
 * own colour with numbered stops, the depot as a black square, a legend, a scale bar and a title.
 * The view is fitted to the depot and its stops (the outline shows around them); a depot without
 * routes is shown on the whole outline.
 *
 * <p>Java2D only, works headless (logical font SansSerif). The same plan gives the same bytes:
 * nothing depends on time, randomness or hash order. Stateless and thread-safe.
 */
public final class RouteMapRenderer {

    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 1200;
    /** Legend rows before the rest are summed up as "+N more routes". */
    static final int LEGEND_ROWS = 16;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE dd-MM-yyyy", Locale.ENGLISH);
    private static final Color LAND = new Color(0xEEEEEE);
    private static final Color LAND_EDGE = new Color(0x9E9E9E);
    private static final Color INK = new Color(0x212121);
    /** Fitting to stops alone would zoom a one-street route to a few pixels' worth of road. */
    private static final double MIN_SPAN_KM = 4;

    /** The Delhi outline at the default size. */
    public RouteMapImage render(DepotPlanDocument doc) {
        return render(doc, MapOutline.delhi(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public RouteMapImage render(DepotPlanDocument doc, MapOutline outline, int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a route map needs at least 200x150 px, was " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            new Drawing(g, doc, outline, width, height).draw();
        } finally {
            g.dispose();
        }
        return new RouteMapImage(png(image), width, height);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding of a route map failed", e);
        }
        return out.toByteArray();
    }

    /** One picture being drawn; sizes scale with the picture so a small map reads like a large one. */
    private static final class Drawing {

        private final Graphics2D g;
        private final DepotPlanDocument doc;
        private final MapOutline outline;
        private final int width;
        private final int height;
        private final float unit;
        private final List<RouteDocument> routes;
        private final MapProjection projection;

        Drawing(Graphics2D g, DepotPlanDocument doc, MapOutline outline, int width, int height) {
            this.g = g;
            this.doc = doc;
            this.outline = outline;
            this.width = width;
            this.height = height;
            this.unit = Math.max(0.5f, Math.min(width / 1600f, height / 1200f));
            this.routes = doc.routesWithStops();
            float titleHeight = 70 * unit;
            float margin = 40 * unit;
            this.projection = MapProjection.fit(viewBounds(), MIN_SPAN_KM, margin, titleHeight + margin,
                    width - 2 * margin, height - titleHeight - 2 * margin);
        }

        void draw() {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawOutline();
            for (int i = 0; i < routes.size(); i++) {
                drawRouteLine(routes.get(i), RoutePalette.colour(i));
            }
            // markers after all lines, so no later route's line hides an earlier route's stop numbers
            for (int i = 0; i < routes.size(); i++) {
                drawStops(routes.get(i), RoutePalette.colour(i));
            }
            drawDepot();
            drawTitle();
            drawLegend();
            drawScaleBar();
        }

        private double[] viewBounds() {
            GeoPoint depot = doc.depot().location();
            if (routes.isEmpty()) {
                double[] land = outline.bounds();
                return new double[] {Math.min(land[0], depot.lon()), Math.min(land[1], depot.lat()),
                        Math.max(land[2], depot.lon()), Math.max(land[3], depot.lat())};
            }
            double[] b = {depot.lon(), depot.lat(), depot.lon(), depot.lat()};
            for (RouteDocument route : routes) {
                for (Order order : route.orders()) {
                    b[0] = Math.min(b[0], order.location().lon());
                    b[1] = Math.min(b[1], order.location().lat());
                    b[2] = Math.max(b[2], order.location().lon());
                    b[3] = Math.max(b[3], order.location().lat());
                }
            }
            return b;
        }

        private void drawOutline() {
            for (List<double[]> ring : outline.rings()) {
                Path2D.Double path = new Path2D.Double();
                for (int i = 0; i < ring.size(); i++) {
                    Point2D.Double p = projection.toPixel(ring.get(i)[0], ring.get(i)[1]);
                    if (i == 0) {
                        path.moveTo(p.x, p.y);
                    } else {
                        path.lineTo(p.x, p.y);
                    }
                }
                path.closePath();
                g.setColor(LAND);
                g.fill(path);
                g.setColor(LAND_EDGE);
                g.setStroke(new BasicStroke(3 * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path);
            }
        }

        private void drawRouteLine(RouteDocument route, Color colour) {
            Path2D.Double path = new Path2D.Double();
            Point2D.Double depot = pixel(doc.depot().location());
            path.moveTo(depot.x, depot.y);
            for (Order order : route.orders()) {
                Point2D.Double p = pixel(order.location());
                path.lineTo(p.x, p.y);
            }
            path.lineTo(depot.x, depot.y);
            g.setColor(colour);
            g.setStroke(new BasicStroke(4 * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }

        private void drawStops(RouteDocument route, Color colour) {
            double r = 10 * unit;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(11 * unit)));
            FontMetrics metrics = g.getFontMetrics();
            g.setStroke(new BasicStroke(1.5f * unit));
            for (int i = 0; i < route.stopCount(); i++) {
                Point2D.Double p = pixel(route.orders().get(i).location());
                Ellipse2D.Double marker = new Ellipse2D.Double(p.x - r, p.y - r, 2 * r, 2 * r);
                g.setColor(colour);
                g.fill(marker);
                g.setColor(Color.WHITE);
                g.draw(marker);
                String seq = Integer.toString(route.route().stops().get(i).sequence());
                g.drawString(seq, (float) (p.x - metrics.stringWidth(seq) / 2.0),
                        (float) (p.y + (metrics.getAscent() - metrics.getDescent()) / 2.0));
            }
        }

        private void drawDepot() {
            Point2D.Double p = pixel(doc.depot().location());
            double half = 13 * unit;
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(p.x - half - 3 * unit, p.y - half - 3 * unit, 2 * half + 6 * unit, 2 * half + 6 * unit));
            g.setColor(Color.BLACK);
            g.fill(new Rectangle2D.Double(p.x - half, p.y - half, 2 * half, 2 * half));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(16 * unit)));
            haloText(doc.depot().name() + " (depot)", (float) (p.x + half + 8 * unit), (float) (p.y + 6 * unit), Color.BLACK);
        }

        private void drawTitle() {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, Math.round(70 * unit));
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(28 * unit)));
            g.drawString(doc.depot().name() + " (" + doc.depot().id() + ")", 30 * unit, 42 * unit);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(18 * unit)));
            String subtitle = "Routes for " + DATE.format(doc.planDate()) + (routes.isEmpty() ? "  ·  no routes"
                    : String.format(Locale.ROOT, "  ·  %d routes, %d stops, %.1f km", routes.size(), doc.stopCount(), doc.distanceKm()));
            g.drawString(subtitle, 30 * unit, 64 * unit);
            g.setColor(LAND_EDGE);
            g.setStroke(new BasicStroke(unit));
            g.drawLine(0, Math.round(70 * unit), width, Math.round(70 * unit));
        }

        private void drawLegend() {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(15 * unit));
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            List<String> lines = new java.util.ArrayList<>();
            int shown = Math.min(routes.size(), routes.size() > LEGEND_ROWS ? LEGEND_ROWS - 1 : LEGEND_ROWS);
            for (int i = 0; i < shown; i++) {
                RouteDocument route = routes.get(i);
                lines.add(String.format(Locale.ROOT, "%s  ·  %d stops  ·  %.1f km", route.vehicle().id(),
                        route.stopCount(), route.route().distanceKm()));
            }
            if (routes.size() > shown) {
                lines.add("+" + (routes.size() - shown) + " more routes");
            }
            if (routes.isEmpty()) {
                lines.add("no routes");
            }
            float row = 24 * unit;
            float swatch = 26 * unit;
            int textWidth = lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
            float boxWidth = swatch + 18 * unit + textWidth + 16 * unit;
            float boxHeight = row * lines.size() + 16 * unit;
            float x = width - boxWidth - 20 * unit;
            float y = 70 * unit + 20 * unit;
            g.setColor(new Color(255, 255, 255, 230));
            g.fill(new Rectangle2D.Float(x, y, boxWidth, boxHeight));
            g.setColor(LAND_EDGE);
            g.setStroke(new BasicStroke(unit));
            g.draw(new Rectangle2D.Float(x, y, boxWidth, boxHeight));
            for (int i = 0; i < lines.size(); i++) {
                float baseline = y + 8 * unit + row * i + row * 0.72f;
                if (i < shown) {
                    g.setColor(RoutePalette.colour(i));
                    g.setStroke(new BasicStroke(6 * unit, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                    float mid = baseline - metrics.getAscent() / 3f;
                    g.draw(new java.awt.geom.Line2D.Float(x + 10 * unit, mid, x + 10 * unit + swatch, mid));
                }
                g.setColor(INK);
                g.drawString(lines.get(i), x + swatch + 18 * unit, baseline);
            }
        }

        private void drawScaleBar() {
            double km = ScaleBar.niceKm(width * 0.2 / projection.pxPerKm());
            float length = (float) (km * projection.pxPerKm());
            float x = 30 * unit;
            float y = height - 30 * unit;
            float tick = 8 * unit;
            g.setColor(new Color(255, 255, 255, 210));
            g.fill(new Rectangle2D.Float(x - 10 * unit, y - 36 * unit, length + 20 * unit, 46 * unit));
            g.setColor(INK);
            g.setStroke(new BasicStroke(3 * unit, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            Path2D.Float bar = new Path2D.Float();
            bar.moveTo(x, y - tick);
            bar.lineTo(x, y);
            bar.lineTo(x + length, y);
            bar.lineTo(x + length, y - tick);
            g.draw(bar);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(15 * unit)));
            g.drawString(ScaleBar.label(km), x, y - 12 * unit);
        }

        private void haloText(String text, float x, float y, Color colour) {
            g.setColor(Color.WHITE);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    g.drawString(text, x + dx * 2 * unit, y + dy * 2 * unit);
                }
            }
            g.setColor(colour);
            g.drawString(text, x, y);
        }

        private Point2D.Double pixel(GeoPoint point) {
            return projection.toPixel(point.lon(), point.lat());
        }
    }
}
