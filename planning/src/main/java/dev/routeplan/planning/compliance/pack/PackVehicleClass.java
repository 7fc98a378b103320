package dev.routeplan.planning.compliance.pack;

/**
 * A vehicle class as the pack names it. {@code parent} lets a sub-class such as LGV_3W be
 * covered by rules that list its parent (LGV) unless they exclude it; {@code fleetClass} names
 * the fleet.csv class it stands for when the names differ (THREE_WHEELER for LGV_3W).
 *
 * @param gvwAboveKg  {@code gvw_kg.gt}: the registered GVW must be above this, or null
 * @param gvwAtMostKg {@code gvw_kg.le}: the registered GVW may be at most this, or null
 */
public record PackVehicleClass(String name, String parent, String fleetClass, Integer gvwAboveKg, Integer gvwAtMostKg) {

    public PackVehicleClass(String name, String parent, String fleetClass) {
        this(name, parent, fleetClass, null, null);
    }

    public boolean hasGvwBounds() {
        return gvwAboveKg != null || gvwAtMostKg != null;
    }

    /** True if a registered GVW of {@code gvwKg} falls inside this class's bounds. */
    public boolean admitsGvw(double gvwKg) {
        return (gvwAboveKg == null || gvwKg > gvwAboveKg) && (gvwAtMostKg == null || gvwKg <= gvwAtMostKg);
    }

    /** The bounds in words, e.g. "GVW > 7500 kg and <= 12000 kg". */
    public String gvwBounds() {
        String above = gvwAboveKg == null ? null : "> " + gvwAboveKg + " kg";
        String atMost = gvwAtMostKg == null ? null : "<= " + gvwAtMostKg + " kg";
        return "GVW " + (above == null ? atMost : atMost == null ? above : above + " and " + atMost);
    }
}
