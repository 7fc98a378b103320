package dev.routeplan.planning.domain;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A zone (lon/lat areas) that a given vehicle may not ply in during the intervals of rule
 * {@code ruleId}. For a road, {@code minAlongMetres} is how far a leg must run inside it to count
 * as plying on it; crossing it does not. The rule pack derives these; the solver plans around them.
 */
public record ZoneNoEntry(String ruleId, String zoneId, List<Geometry> areas, double minAlongMetres,
                         List<NoEntryInterval> intervals) {

    public ZoneNoEntry {
        areas = List.copyOf(areas);
        intervals = List.copyOf(intervals);
    }
}
