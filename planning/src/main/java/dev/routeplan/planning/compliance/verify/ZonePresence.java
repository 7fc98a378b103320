package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.Zone;
import dev.routeplan.planning.compliance.pack.ZoneFeature;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;

/**
 * When a route's vehicle is on a road inside a zone (DELHI-RULES.md section 7, plying_in_zone).
 *
 * <p>Legs: the part of the straight segment from one stop to the next inside each zone feature
 * (JTS intersection), mapped to time by linear interpolation along the leg's travel time; the
 * start is rounded down and the end up to the second, so rounding never hides a violation.
 * Stops: the vehicle is off-street at the premises while it is served, so service time is not
 * presence; time spent waiting for the order's window to open is counted as idling on the road
 * at the stop (conservative: the driver may in fact wait off-street). The driver-hours checks give
 * the wait the same meaning: the driver is with the vehicle on the road, so it is work, not a
 * break ({@link DriverDuty}).
 */
final class ZonePresence {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** One stretch of time on a road inside one feature of the zone, half-open. */
    record Interval(String zone, String feature, String where, long startSeconds, long endSeconds) {
    }

    /**
     * A leg that passes through a road's corridor for less than the zone's {@code min_along_m}:
     * taken as crossing the road, not plying on it, and so not an {@link Interval}; kept so a
     * PASS can show the margin (how far inside, when, where the leg entered the corridor).
     */
    record Crossing(String feature, String where, long startSeconds, long endSeconds, double metresInside,
                    GeoPoint enteredAt) {
    }

    /** The intervals of presence, and the road crossings discounted from them. */
    record Scan(List<Interval> intervals, List<Crossing> discounted) {
    }

    private ZonePresence() {
    }

    static List<Interval> of(Zone zone, RouteTimeline timeline) {
        return scan(zone, timeline).intervals();
    }

    static Scan scan(Zone zone, RouteTimeline timeline) {
        List<Interval> result = new ArrayList<>();
        List<Crossing> discounted = new ArrayList<>();
        for (RouteTimeline.Leg leg : timeline.legs()) {
            double legMetres = HaversineTravelModel.greatCircleKm(leg.from(), leg.to()) * 1000;
            for (ZoneFeature feature : zone.features()) {
                for (double[] f : fractionsInside(feature.area(), leg.from(), leg.to())) {
                    long start = leg.reachedAt(f[0]);
                    long end = leg.passedAt(f[1]);
                    boolean passesThrough = f[0] > 0 && f[1] < 1;
                    double metresInside = (f[1] - f[0]) * legMetres;
                    if (passesThrough && metresInside < zone.minAlongMetres()) {
                        // crossing the road, not driving along it; a leg that starts or ends on it counts
                        discounted.add(new Crossing(feature.name(), "leg " + leg.label(), start, end, metresInside,
                                leg.pointAt(f[0])));
                        continue;
                    }
                    if (end > start) {
                        result.add(new Interval(zone.id(), feature.name(), "leg " + leg.label(), start, end));
                    }
                }
            }
        }
        for (RouteTimeline.StopTime stop : timeline.stops()) {
            if (stop.waitSeconds() <= 0) {
                continue;
            }
            for (ZoneFeature feature : zone.features()) {
                if (feature.area().covers(point(stop.order().location()))) {
                    result.add(new Interval(zone.id(), feature.name(), "waiting at stop " + stop.order().id()
                            + " for its window (counted as on-road idle)", stop.arrivalSeconds(), stop.serviceStartSeconds()));
                }
            }
        }
        result.sort((a, b) -> Long.compare(a.startSeconds(), b.startSeconds()));
        discounted.sort((a, b) -> Long.compare(a.startSeconds(), b.startSeconds()));
        return new Scan(result, discounted);
    }

    /** The stretches of the segment inside the area, as {from, to} fractions of its length. */
    static List<double[]> fractionsInside(Geometry area, GeoPoint from, GeoPoint to) {
        Coordinate a = new Coordinate(from.lon(), from.lat());
        Coordinate b = new Coordinate(to.lon(), to.lat());
        List<double[]> result = new ArrayList<>();
        if (a.equals2D(b)) {
            if (area.covers(GEOMETRY.createPoint(a))) {
                result.add(new double[] {0, 1});
            }
            return result;
        }
        Geometry inside = area.intersection(GEOMETRY.createLineString(new Coordinate[] {a, b}));
        LineSegment segment = new LineSegment(a, b);
        for (int i = 0; i < inside.getNumGeometries(); i++) {
            Geometry part = inside.getGeometryN(i);
            if (part.getDimension() < 1) {
                continue;       // touching the boundary at a point takes no time
            }
            double lo = 1;
            double hi = 0;
            for (Coordinate c : part.getCoordinates()) {
                double f = Math.max(0, Math.min(1, segment.projectionFactor(c)));
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
            if (hi > lo) {
                result.add(new double[] {lo, hi});
            }
        }
        return result;
    }

    private static org.locationtech.jts.geom.Point point(GeoPoint p) {
        return GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
    }
}
