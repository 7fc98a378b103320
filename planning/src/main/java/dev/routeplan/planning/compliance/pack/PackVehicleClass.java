package dev.routeplan.planning.compliance.pack;

/**
 * A vehicle class as the pack names it. {@code parent} lets a sub-class such as LGV_3W be
 * covered by rules that list its parent (LGV) unless they exclude it; {@code fleetClass} names
 * the fleet.csv class it stands for when the names differ (THREE_WHEELER for LGV_3W).
 */
public record PackVehicleClass(String name, String parent, String fleetClass) {
}
