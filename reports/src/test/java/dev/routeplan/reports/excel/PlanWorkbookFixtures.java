package dev.routeplan.reports.excel;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.DepotPlanFixtures;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteMapImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Workbook-specific variations on {@link DepotPlanFixtures}: maps, blocked routes, rejects, a second depot. */
final class PlanWorkbookFixtures {

    static final String EVIL_MESSAGE = "@SUM(1+1)*cmd|' /C calc'!A0";

    static final Depot NARELA = new Depot("DEL-NRL", "Narela Industrial Area Depot",
            new GeoPoint(28.8527, 77.0929), TimeWindow.of("00:00", "00:00"));

    private PlanWorkbookFixtures() {
    }

    /** A real PNG of the given size: a grey map with one red route line. */
    static RouteMapImage map(int widthPx, int heightPx) {
        BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, widthPx, heightPx);
        g.setColor(Color.RED);
        g.drawLine(widthPx / 10, heightPx / 10, widthPx * 9 / 10, heightPx * 9 / 10);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RouteMapImage(png.toByteArray(), widthPx, heightPx);
    }

    /** The two Okhla routes plus the three orders of a third route that compliance blocked. */
    static DepotPlanDocument okhlaWithABlockedRoute() {
        DepotPlanDocument doc = DepotPlanFixtures.okhlaWithTwoRoutes();
        List<UnassignedOrder> unassigned = new ArrayList<>(doc.unassigned());
        for (String id : List.of("ORD-4001", "ORD-4002", "ORD-4003")) {
            unassigned.add(new UnassignedOrder(id, doc.depot().id(), UnassignedReason.BLOCKED_BY_COMPLIANCE,
                    "route of DL1LC5555 blocked: NO_ENTRY_HOURS"));
        }
        return new DepotPlanDocument(doc.planDate(), doc.depot(), doc.routes(), unassigned, doc.rulePackId(),
                doc.rulePackVersion(), doc.efficiencyVsBaseline());
    }

    /** The baseline served 6 orders (INR 7,200) where the plan serves 5 (INR 5,100): its km measure different work. */
    static DepotPlanDocument okhlaAgainstABaselineServingMore() {
        DepotPlanDocument doc = DepotPlanFixtures.okhlaWithTwoRoutes();
        return new DepotPlanDocument(doc.planDate(), doc.depot(), doc.routes(), doc.unassigned(), doc.rulePackId(),
                doc.rulePackVersion(), new EfficiencyGain(150.0, doc.distanceKm(), 6, doc.stopCount(), 7_200, 5_100));
    }

    /** The same two routes run out of Narela (INR 5,100), measured against a baseline of 120 km (INR 5,900) for the same 5 orders. */
    static DepotPlanDocument narelaWithTwoRoutesAndBaseline() {
        DepotPlanDocument doc = DepotPlanFixtures.okhlaWithTwoRoutes();
        return new DepotPlanDocument(doc.planDate(), NARELA, doc.routes(), List.of(
                new UnassignedOrder("ORD-5001", NARELA.id(), UnassignedReason.BLOCKED_BY_COMPLIANCE,
                        "route of HR55AB9876 blocked: GRAP_STAGE_3")),
                doc.rulePackId(), doc.rulePackVersion(), new EfficiencyGain(120.0, doc.distanceKm(), 5, doc.stopCount(), 5_900, 5_100));
    }

    static List<RejectedRow> rejectedRows() {
        return List.of(
                new RejectedRow("orders-okhla.csv", 17, "ORD-9001", List.of("WINDOW_END_BEFORE_START"),
                        "window 14:00-12:00 ends before it starts"),
                new RejectedRow("orders-okhla.csv", 42, null, List.of("MISSING_ORDER_ID", "BAD_PINCODE"), EVIL_MESSAGE));
    }
}
