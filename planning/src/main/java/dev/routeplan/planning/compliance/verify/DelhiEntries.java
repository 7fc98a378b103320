package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.Zone;
import dev.routeplan.planning.compliance.pack.ZoneFeature;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Vehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * When a route enters Delhi, and the stays in Delhi that follow (DELHI-RULES.md section 7, mode
 * entry). Kept apart from {@link ZonePresence}, which is about plying on Delhi's roads: here
 * presence is being inside the Delhi NCT boundary at all, parked at a premises included.
 *
 * <p>An entry is an inbound crossing of the boundary along a leg (legs are straight lines from stop
 * to stop, like everywhere in the verifier; the crossing time is interpolated along the leg and
 * rounded down, the leaving time rounded up, so rounding never shortens a stay). A route that
 * starts inside Delhi has entered only if the vehicle is registered outside Delhi: its crossing is
 * not on this route, so it is presumed at departure (the latest moment it can have happened). A
 * Delhi-registered vehicle starting inside Delhi enters only if it leaves and comes back.
 */
final class DelhiEntries {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /**
     * One entry into Delhi.
     *
     * @param presumed true for a vehicle registered outside Delhi whose route starts inside it
     */
    record Entry(long atSeconds, String how, GeoPoint position, boolean presumed) {
    }

    /** A stay inside Delhi, half-open; {@code entry} is null for the stay a route starts with without entering. */
    record Stay(Entry entry, long fromSeconds, long untilSeconds, String ended) {
    }

    private final boolean startsInside;
    private final List<Stay> stays;

    private DelhiEntries(boolean startsInside, List<Stay> stays) {
        this.startsInside = startsInside;
        this.stays = List.copyOf(stays);
    }

    /** @param delhi the pack's DELHI_NCT zone; null (a pack without it) takes the whole route as inside Delhi */
    static DelhiEntries of(Zone delhi, RouteTimeline timeline, Vehicle vehicle, String depotId) {
        List<RouteTimeline.Leg> legs = timeline.legs();
        GeoPoint depot = legs.get(0).from();
        boolean startsInside = delhi == null || inside(delhi, depot);
        List<Stay> stays = new ArrayList<>();
        Entry open = null;
        long openFrom = 0;
        boolean in = startsInside;
        if (startsInside) {
            openFrom = timeline.departureSeconds();
            open = vehicle.registeredInDelhi() ? null : new Entry(openFrom, "presumed at depot departure from " + depotId
                    + ": registered in " + vehicle.registrationState() + " (outside Delhi) and the route starts inside"
                    + " Delhi, so its crossing into Delhi happened before this route; taken at departure", depot, true);
        }
        for (RouteTimeline.Leg leg : legs) {
            List<double[]> insideParts = delhi == null ? List.of(new double[] {0, 1}) : fractionsInside(delhi, leg);
            if (in && (insideParts.isEmpty() || insideParts.get(0)[0] > 0)) {
                // numerically outside at the leg's start although the last point was inside: leaves at once
                stays.add(new Stay(open, openFrom, leg.startSeconds(), "leaves Delhi at the start of leg " + leg.label()));
                in = false;
            }
            for (double[] part : insideParts) {
                if (!in) {
                    long at = leg.reachedAt(part[0]);
                    GeoPoint where = leg.pointAt(part[0]);
                    open = new Entry(at, "crosses the Delhi boundary inbound on leg " + leg.label() + " at "
                            + position(where), where, false);
                    openFrom = at;
                    in = true;
                }
                if (part[1] < 1) {
                    long until = leg.passedAt(part[1]);
                    stays.add(new Stay(open, openFrom, until, "leaves Delhi on leg " + leg.label() + " at "
                            + position(leg.pointAt(part[1]))));
                    in = false;
                    open = null;
                }
            }
        }
        if (in) {
            stays.add(new Stay(open, openFrom, timeline.returnSeconds(), "route ends at depot " + depotId + " inside Delhi"));
        }
        return new DelhiEntries(startsInside, stays);
    }

    boolean startsInside() {
        return startsInside;
    }

    /** Every stay inside Delhi, the one the route may start with included. */
    List<Stay> stays() {
        return stays;
    }

    /** The stays that follow an entry: what an entry rule looks at. */
    List<Stay> staysAfterEntry() {
        return stays.stream().filter(s -> s.entry() != null).toList();
    }

    List<Entry> entries() {
        return staysAfterEntry().stream().map(Stay::entry).toList();
    }

    /** Why the route has no entry, in words, for a NOT_APPLICABLE verdict. */
    String whyNoEntry() {
        return startsInside
                ? "registered in Delhi, the route starts inside Delhi and never leaves it to come back"
                : "the route starts outside Delhi and never crosses into it";
    }

    static String position(GeoPoint p) {
        return String.format(Locale.ROOT, "%.5f,%.5f", p.lat(), p.lon());
    }

    private static boolean inside(Zone zone, GeoPoint p) {
        var point = GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
        return zone.features().stream().anyMatch(f -> f.area().covers(point));
    }

    /** The stretches of the leg inside any feature of the zone, as merged {from, to} fractions. */
    private static List<double[]> fractionsInside(Zone zone, RouteTimeline.Leg leg) {
        List<double[]> parts = new ArrayList<>();
        for (ZoneFeature feature : zone.features()) {
            parts.addAll(ZonePresence.fractionsInside(feature.area(), leg.from(), leg.to()));
        }
        return Spans.joined(parts, p -> p[0], p -> p[1], (x, y) -> new double[] {x[0], Math.max(x[1], y[1])});
    }
}
