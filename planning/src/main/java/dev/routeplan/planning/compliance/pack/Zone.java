package dev.routeplan.planning.compliance.pack;

import java.util.List;

/**
 * A zone of the pack with its geometry, read from the GeoJSON file beside the pack. Coordinates
 * are lon/lat (x = longitude, y = latitude, WGS-84); road centre lines are already widened by
 * {@code bufferMetres}, and areas with a margin grown by it, so every feature is an area.
 *
 * @param file         the GeoJSON file, relative to the pack
 * @param fileSha256   hash of the file's bytes, so evidence names the exact geometry used
 * @param bufferMetres the metres the file's features were widened by: on each side of a road centre
 *                     line ({@code buffer_m}) or outward around an area ({@code margin_m}); 0 if none
 * @param approximate  true if any feature is marked {@code approximate: true} (hand-digitised)
 * @param minAlongMetres for roads: a leg counts as plying on the road only if it runs at least this
 *                     far inside the road's corridor; crossing it (over or under, at a junction)
 *                     is not driving along it. 0 for areas, where any entry counts.
 */
public record Zone(String id, String file, String fileSha256, double bufferMetres, List<ZoneFeature> features,
                   boolean approximate, double minAlongMetres) {

    public Zone {
        features = List.copyOf(features);
    }
}
