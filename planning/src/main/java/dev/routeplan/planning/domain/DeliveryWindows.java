package dev.routeplan.planning.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When an order may be served: one time window, or two that do not overlap (a shop that takes
 * goods before it opens and again after lunch), in order. Each window may cross midnight as a
 * {@link TimeWindow} does; times are seconds after 00:00 on the plan date.
 *
 * <p>One rule says when service starts, for the solver, the dispatcher's hand plan and the
 * verifier alike: in the earliest window that has not closed at arrival, waiting for it to open
 * if the vehicle is early. A vehicle that arrives after the first window closed waits for the
 * second; one that arrives after the last window closed is late.
 */
public final class DeliveryWindows {

    private final List<TimeWindow> windows;
    // the windows' bounds in seconds, worked out once: the solver asks when service starts for every
    // visit of every move it scores
    private final long[] starts;
    private final long[] ends;

    public DeliveryWindows(List<TimeWindow> windows) {
        if (windows == null || windows.isEmpty() || windows.size() > 2) {
            throw new IllegalArgumentException("an order has one or two time windows");
        }
        this.windows = windows.stream().sorted(Comparator.comparingLong(TimeWindow::startSeconds)).toList();
        if (this.windows.size() == 2 && this.windows.get(1).startSeconds() < this.windows.get(0).endSeconds()) {
            throw new IllegalArgumentException("time windows " + this.windows.get(0) + " and " + this.windows.get(1) + " overlap");
        }
        this.starts = this.windows.stream().mapToLong(TimeWindow::startSeconds).toArray();
        this.ends = this.windows.stream().mapToLong(TimeWindow::endSeconds).toArray();
    }

    public List<TimeWindow> windows() {
        return windows;
    }

    public static DeliveryWindows of(TimeWindow window) {
        return new DeliveryWindows(List.of(window));
    }

    public static DeliveryWindows of(TimeWindow first, TimeWindow second) {
        return second == null ? of(first) : new DeliveryWindows(List.of(first, second));
    }

    public TimeWindow first() {
        return windows.get(0);
    }

    public Optional<TimeWindow> second() {
        return windows.size() == 2 ? Optional.of(windows.get(1)) : Optional.empty();
    }

    public boolean hasTwo() {
        return windows.size() == 2;
    }

    public TimeWindow last() {
        return windows.get(windows.size() - 1);
    }

    /** The window service falls in for a vehicle arriving at {@code arrival}: the earliest not yet closed, else the last. */
    public TimeWindow windowFor(long arrival) {
        return windows.get(indexFor(arrival));
    }

    private int indexFor(long arrival) {
        for (int i = 0; i < ends.length; i++) {
            if (arrival < ends[i]) {
                return i;
            }
        }
        return ends.length - 1;
    }

    /** When service starts for a vehicle arriving at {@code arrival}: on arrival, or when its window opens. */
    public long serviceStart(long arrival) {
        return Math.max(arrival, starts[indexFor(arrival)]);
    }

    /** Seconds by which an arrival misses the last window: 0 if service can start in one of them. */
    public long lateness(long arrival) {
        return Math.max(0, arrival - ends[ends.length - 1] + 1);
    }

    /** True if service starting at {@code serviceStart} lies inside one of the windows. */
    public boolean contains(long serviceStart) {
        return windows.stream().anyMatch(w -> w.contains(serviceStart));
    }

    public boolean crossesMidnight() {
        return windows.stream().anyMatch(TimeWindow::crossesMidnight);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeliveryWindows that && windows.equals(that.windows);
    }

    @Override
    public int hashCode() {
        return windows.hashCode();
    }

    /** As planners write them: {@code 09:00-11:00, 16:00-18:00}. */
    @Override
    public String toString() {
        return windows.stream().map(TimeWindow::toString).collect(Collectors.joining(", "));
    }
}
