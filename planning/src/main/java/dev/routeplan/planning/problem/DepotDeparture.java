package dev.routeplan.planning.problem;

import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.NoEntryInterval;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * When a route leaves the depot for its first stop: the latest moment, no earlier than the vehicle
 * may leave, that still arrives by the window's opening. The solver and the dispatcher's hand plan
 * both start routes this way, so a hand-planned route keeps its times when it seeds the solver.
 */
public final class DepotDeparture {

    private static final long HOUR = 3600;

    private DepotDeparture() {
    }

    /** The first moment a vehicle may leave: one whose shift opens inside a no-entry stretch waits at the depot until it ends. */
    public static long earliest(long shiftStart, List<NoEntryInterval> noEntry) {
        long t = shiftStart;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (NoEntryInterval interval : noEntry) {
                if (t >= interval.startSeconds() && t < interval.endSeconds()) {
                    t = interval.endSeconds();
                    moved = true;
                }
            }
        }
        return t;
    }

    /**
     * For an order with one or two windows: aims at the first window, or at the second when
     * leaving as early as possible already misses the first.
     */
    public static long forFirstStop(long earliest, DeliveryWindows windows, LongUnaryOperator drive) {
        long windowStart = windows.windowFor(earliest + drive.applyAsLong(earliest)).startSeconds();
        return forFirstStop(earliest, windowStart, drive);
    }

    /**
     * Driving times change with the hour of leaving, so each hour from the window's opening
     * backwards is tried in turn (a day at most): within an hour the drive is the same, and the
     * latest fitting moment of the first hour that has one wins. Without one, the earliest moment.
     *
     * @param drive seconds from the depot to the first stop when leaving at the given moment
     */
    public static long forFirstStop(long earliest, long windowStart, LongUnaryOperator drive) {
        long hourStart = Math.floorDiv(windowStart, HOUR) * HOUR;
        for (int tried = 0; tried < 24 && hourStart + HOUR > earliest; tried++, hourStart -= HOUR) {
            long lastInHour = Math.min(windowStart, hourStart + HOUR - 1);
            long leave = Math.min(lastInHour, windowStart - drive.applyAsLong(lastInHour));
            if (leave >= hourStart && leave + drive.applyAsLong(leave) <= windowStart) {
                return Math.max(earliest, leave);
            }
        }
        return earliest;
    }
}
