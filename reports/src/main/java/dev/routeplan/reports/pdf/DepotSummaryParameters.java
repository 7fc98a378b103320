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
        EfficiencyGain gain = doc.efficiency().orElse(null);
        parameters.put("efficiencyNotMeasured", gain == null ? "not measured" : null);
        parameters.put("ordersServed", gain == null ? null : gain.optimisedServedOrders() + ", baseline " + gain.baselineServedOrders());
        parameters.put("costPerOrder", gain == null ? null : costPerOrder(gain));
        parameters.put("kmPerOrder", gain == null ? null : String.format(Locale.ROOT, "%.2f km, baseline %.2f km: %s",
                gain.optimisedKmPerOrder(), gain.baselineKmPerOrder(), change(gain.kmPerOrderGain(), "fewer")));
        parameters.put("totalKm", gain == null ? null : totalKm(gain));
        parameters.put("unassigned", Integer.toString(doc.unassigned().size()));
        parameters.put("compliance", "Rule pack " + doc.rulePackId() + " " + doc.rulePackVersion()
                + ": PASS on every published route");
        parameters.put("noRoutes", used == 0 ? "No routes were published for " + ManifestRows.DATE.format(doc.planDate()) + "." : null);
        parameters.put("map", map == null ? null : SimpleDataRenderer.getInstance(map.png()));
        return parameters;
    }

    // per served order first: total km alone read as a loss when the plan serves more orders
    private static String costPerOrder(EfficiencyGain gain) {
        if (!gain.costRecorded()) {
            // a hand plan stored before its cost was
            return Double.isNaN(gain.optimisedCostPerOrder()) ? "not recorded"
                    : String.format(Locale.ROOT, "INR %,.2f, baseline not recorded", gain.optimisedCostPerOrder());
        }
        return String.format(Locale.ROOT, "INR %,.2f, baseline INR %,.2f: %s", gain.optimisedCostPerOrder(),
                gain.baselineCostPerOrder(), change(gain.costPerOrderGain(), "less"));
    }

    /** Secondary, and labelled so: more km for more orders is no loss. */
    private static String totalKm(EfficiencyGain gain) {
        return String.format(Locale.ROOT, "%+.1f km: %.1f against %.1f", gain.totalKmDifference(), gain.optimisedKm(),
                gain.baselineKm()) + (gain.comparable() ? "" : "; not like for like (different numbers of orders served)");
    }

    /** "17.7 % less" for a gain of 0.177, "3.0 % more" for -0.03. */
    private static String change(double gain, String better) {
        double percent = gain * 100;
        return String.format(Locale.ROOT, "%.1f %% %s", Math.abs(percent), percent >= 0 ? better : "more");
    }
}
