package dev.routeplan.reports.pdf;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteMapImage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/** The summary page's parameters, formatted here like the manifest rows so the template holds no logic. */
final class DepotSummaryParameters {

    private DepotSummaryParameters() {
    }

    /** A mutable map because filling a report writes into it; {@code map} may be null. */
    static Map<String, Object> of(DepotPlanDocument doc, RouteMapImage map) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("depotId", doc.depot().id());
        parameters.put("depotName", DevanagariMarkup.styled(doc.depot().name()));
        parameters.put("planDate", ManifestRows.DATE.format(doc.planDate()));
        int used = doc.routesWithStops().size();
        parameters.put("vehiclesUsed", used + " of " + doc.routes().size() + " published");
        parameters.put("stops", Integer.toString(doc.stopCount()));
        parameters.put("distance", String.format(Locale.ROOT, "%.1f km", doc.distanceKm()));
        parameters.put("driving", String.format(Locale.ROOT, "%.1f h", doc.drivingHours()));
        parameters.put("loadUtilisation", String.format(Locale.ROOT, "%.1f %%", doc.loadUtilisation() * 100));
        parameters.put("efficiency", doc.efficiency().map(DepotSummaryParameters::efficiency).orElse("not measured"));
        parameters.put("unassigned", Integer.toString(doc.unassigned().size()));
        parameters.put("compliance", "Rule pack " + doc.rulePackId() + " " + doc.rulePackVersion()
                + ": PASS on every published route");
        parameters.put("noRoutes", used == 0 ? "No routes were published for " + ManifestRows.DATE.format(doc.planDate()) + "." : null);
        parameters.put("map", map == null ? null : SimpleDataRenderer.getInstance(map.png()));
        return parameters;
    }

    // per served order first: total km alone read as a loss when the plan serves more orders
    private static String efficiency(EfficiencyGain gain) {
        double percent = gain.kmPerOrderGain() * 100;
        return String.format(Locale.ROOT, "%.1f %% %s km per order (%d orders served, baseline %d); total %.1f km, baseline %.1f km",
                Math.abs(percent), percent >= 0 ? "fewer" : "more", gain.optimisedServedOrders(), gain.baselineServedOrders(),
                gain.optimisedKm(), gain.baselineKm());
    }
}
