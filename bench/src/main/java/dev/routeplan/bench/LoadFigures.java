package dev.routeplan.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a load measured, from its counted requests only: latencies (microseconds, from each
 * request's due time) overall and per kind, errors by reason, and how far the sender fell behind.
 * An error is a status outside 2xx/3xx (a 429 too), a timeout or a failed connection.
 */
final class LoadFigures {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final RequestMix mix;
    private final int rate;
    private final Duration measured;
    private final Histogram all = histogram();
    private final Histogram[] perKind;
    private final LongAdder[] errorsPerKind;
    /** By the second of the measured load each request was due in: where in time the slow ones were. */
    private final Histogram[] perSecond;
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder warmupErrors = new LongAdder();
    private final AtomicLong lastDone = new AtomicLong();
    private volatile long maxSenderLag;
    private long measuredFrom;
    private long unanswered;

    LoadFigures(RequestMix mix, int rate, Duration measured) {
        this.mix = mix;
        this.rate = rate;
        this.measured = measured;
        int kinds = mix.kinds().size();
        perKind = new Histogram[kinds];
        errorsPerKind = new LongAdder[kinds];
        for (int i = 0; i < kinds; i++) {
            perKind[i] = histogram();
            errorsPerKind[i] = new LongAdder();
        }
        perSecond = new Histogram[(int) Math.max(1, measured.toSeconds())];
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = histogram();
        }
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(1, HIGHEST_MICROS, 3);
    }

    void measuringFrom(long nanos) {
        measuredFrom = nanos;
        lastDone.set(nanos);
    }

    /** Called by the sending thread only. */
    void senderLag(long nanos) {
        if (nanos > maxSenderLag) {
            maxSenderLag = nanos;
        }
    }

    void record(int kind, long latencyNanos, long doneNanos, int status, long contentLength, String failure) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
        all.recordValue(micros);
        perKind[kind].recordValue(micros);
        int second = (int) Math.min(perSecond.length - 1, Math.max(0, (doneNanos - latencyNanos - measuredFrom) / 1_000_000_000L));
        perSecond[second].recordValue(micros);
        lastDone.accumulateAndGet(doneNanos, Math::max);
        String reason = failure != null ? failure : status < 200 || status >= 400 ? "HTTP " + status : null;
        if (reason != null) {
            errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
            errorsPerKind[kind].increment();
        } else {
            bytes.add(contentLength);
        }
    }

    void warmupError() {
        warmupErrors.increment();
    }

    void unanswered(long count) {
        unanswered = count;
        if (count > 0) {
            errors.computeIfAbsent("no answer before the end", r -> new LongAdder()).add(count);
        }
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    double throughput() {
        double seconds = (lastDone.get() - measuredFrom) / 1e9;
        return seconds <= 0 ? 0 : all.getTotalCount() / seconds;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "load: %d requests/s for %d s (open model: constant arrival rate, latency from each request's due time)%n",
                rate, measured.toSeconds());
        out.printf(Locale.ROOT, "requests: %d answered, %d unanswered, %d errors (%d more during warm-up, not counted)%n",
                all.getTotalCount(), unanswered, errorCount(), warmupErrors.sum());
        out.printf(Locale.ROOT, "throughput: %.1f requests/s achieved, %.1f MB of bodies%n", throughput(), bytes.sum() / 1e6);
        out.printf(Locale.ROOT, "latency ms: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(90)), ms(all.getValueAtPercentile(99)),
                ms(all.getValueAtPercentile(99.9)), ms(all.getMaxValue()));
        out.printf(Locale.ROOT, "%-14s %6s %7s %8s %8s %8s %8s %7s  %s%n", "kind", "share", "count", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "errors", "paths");
        for (int i = 0; i < perKind.length; i++) {
            RequestMix.Kind kind = mix.kinds().get(i);
            Histogram h = perKind[i];
            out.printf(Locale.ROOT, "%-14s %5d%% %7d %8s %8s %8s %8s %7d  %s%n", kind.name(), 100 * kind.weight() / mix.totalWeight(),
                    h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), errorsPerKind[i].sum(),
                    kind.paths().size() == 1 ? kind.paths().get(0) : kind.paths().size() + " paths, e.g. " + kind.paths().get(0));
        }
        printWorstSeconds(out);
        if (!errors.isEmpty()) {
            Map<String, Long> sorted = new TreeMap<>();
            errors.forEach((reason, count) -> sorted.put(reason, count.sum()));
            out.println("errors: " + sorted);
        }
        out.printf(Locale.ROOT, "sender: at most %s ms behind schedule%s%n", ms(TimeUnit.NANOSECONDS.toMicros(maxSenderLag)),
                maxSenderLag > TimeUnit.MILLISECONDS.toNanos(100)
                        ? " (the generator itself fell behind; its lag is inside the latencies above)" : "");
    }

    /** Whether the slow requests are spread out or bunched in a few seconds (a pause, a compilation, a checkpoint). */
    private void printWorstSeconds(PrintStream out) {
        Integer[] seconds = new Integer[perSecond.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = i;
        }
        Arrays.sort(seconds, (a, b) -> Long.compare(perSecond[b].getValueAtPercentile(99), perSecond[a].getValueAtPercentile(99)));
        StringBuilder worst = new StringBuilder();
        for (int i = 0; i < Math.min(5, seconds.length); i++) {
            Histogram h = perSecond[seconds[i]];
            worst.append(String.format(Locale.ROOT, "%s%d s: p99 %s max %s", i == 0 ? "" : "; ", seconds[i],
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue())));
        }
        out.println("slowest seconds of the load (p99 and max ms): " + worst);
    }

    /** The last line, for scripts. */
    String summaryLine() {
        return String.format(Locale.ROOT, "api_rps=%d p50_ms=%s p99_ms=%s errors=%d", Math.round(throughput()),
                ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(99)), errorCount());
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }
}
