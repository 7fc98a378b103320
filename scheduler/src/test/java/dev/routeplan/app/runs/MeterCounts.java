package dev.routeplan.app.runs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator reads off the scrape, read off the application's registry instead: how many
 * times a counter counted or a timer timed, over every series with the given tags (0 before the
 * first, as Micrometer creates a series on its first use).
 */
final class MeterCounts {

    private MeterCounts() {
    }

    /** @param tags names and values, alternating */
    static double count(MeterRegistry meters, String name, String... tags) {
        return meters.find(name).tags(tags).meters().stream()
                .mapToDouble(meter -> meter instanceof Counter counter ? counter.count()
                        : meter instanceof Timer timer ? timer.count() : 0)
                .sum();
    }
}
