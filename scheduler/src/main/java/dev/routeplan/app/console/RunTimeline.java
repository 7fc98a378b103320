package dev.routeplan.app.console;

import dev.routeplan.app.runs.RunViews;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's steps and partitions as bars on one time axis, from the run's start to its end (or
 * now): {@code x} and {@code width} in thousandths of the axis, for an SVG drawn without a script
 * or an inline style (the console's CSP allows neither). A slow depot's bar is the long one.
 *
 * @param span the length of the axis in words
 */
public record RunTimeline(List<Bar> bars, String span) {

    /** Axis units: the SVG's viewBox is this wide. */
    static final int WIDTH = 1000;

    /** One step ({@code partition} false) or partition: where its bar starts and how long it is. */
    public record Bar(String label, boolean partition, String status, int x, int width) {
    }

    static RunTimeline of(RunViews.RunDetail run) {
        Instant now = Instant.now();
        Instant start = run.start();
        if (start == null) {
            return new RunTimeline(List.of(), "");
        }
        Instant end = run.end() != null ? run.end() : now;
        long total = Math.max(1, Duration.between(start, end).toMillis());
        List<Bar> bars = new ArrayList<>();
        for (RunViews.Step step : run.steps()) {
            bars.add(bar(step.name(), false, step, start, total, now));
            for (RunViews.Step partition : step.partitions()) {
                String label = partition.name().contains(":") ? partition.name().substring(partition.name().indexOf(':') + 1)
                        : partition.name();
                bars.add(bar(label, true, partition, start, total, now));
            }
        }
        return new RunTimeline(List.copyOf(bars), ConsoleTimes.words(Duration.ofMillis(total)));
    }

    private static Bar bar(String label, boolean partition, RunViews.Step step, Instant runStart, long total, Instant now) {
        if (step.start() == null) {
            return new Bar(label, partition, step.status(), 0, 0);
        }
        Instant end = step.end() != null ? step.end() : now;
        int x = (int) Math.min(WIDTH, Math.max(0, Duration.between(runStart, step.start()).toMillis() * WIDTH / total));
        // at least a sliver, so a step of a few milliseconds still shows where it ran
        int width = (int) Math.max(2, Math.min(WIDTH - x, Duration.between(step.start(), end).toMillis() * WIDTH / total));
        return new Bar(label, partition, step.status(), x, width);
    }
}
