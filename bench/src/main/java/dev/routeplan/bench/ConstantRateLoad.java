package dev.routeplan.bench;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load (as wrk2 makes it): request i is due at {@code start + i / rate} whatever
 * happened to the ones before, and its latency runs from that due time, not from when it could
 * be sent. A server that stalls therefore shows its stall in every request that queued behind
 * it (no coordinated omission), and a generator that falls behind shows it as its own lag.
 * The first {@code warmup} seconds ramp up to the rate a second at a time (over 10 s at most, then
 * hold it) and are not counted.
 */
final class ConstantRateLoad {

    /** What to send, how fast, for how long. */
    record Plan(RequestMix mix, int rate, Duration warmup, Duration measured, Duration timeout, long seed) {
    }

    private static final long RAMP_SECONDS = 10;

    private final Plan plan;
    private final Transport transport;


    ConstantRateLoad(Plan plan, Transport transport) {
        this.plan = plan;
        this.transport = transport;
    }

    LoadFigures run() throws InterruptedException {
        LoadFigures figures = new LoadFigures(plan.mix(), plan.rate(), plan.measured());
        SplittableRandom random = new SplittableRandom(plan.seed());
        AtomicLong inFlight = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long warmupSeconds = plan.warmup().toSeconds();
        long measuredFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        figures.measuringFrom(measuredFrom);
        // warm-up: a ramp of one second at each of rate/R, 2 rate/R, ... rate over R = at most 10 s (a cold
        // JIT at full rate would start with a backlog), then the full rate for the rest (the compiler works on
        // what the full rate runs, and is done with most of it before the measuring starts)
        long rampSeconds = Math.min(RAMP_SECONDS, warmupSeconds);
        for (long second = 1; second <= warmupSeconds; second++) {
            long rate = Math.max(1, plan.rate() * Math.min(second, rampSeconds) / rampSeconds);
            long secondStart = start + TimeUnit.SECONDS.toNanos(second - 1);
            for (long i = 0; i < rate; i++) {
                send(secondStart + i * 1_000_000_000L / rate, false, random, figures, inFlight);
            }
        }
        long count = plan.rate() * plan.measured().toSeconds();
        for (long i = 0; i < count; i++) {
            send(measuredFrom + i * 1_000_000_000L / plan.rate(), true, random, figures, inFlight);
        }
        long giveUp = System.nanoTime() + plan.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (inFlight.get() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        figures.unanswered(inFlight.get());
        transport.close();
        return figures;
    }

    private void send(long due, boolean counted, SplittableRandom random, LoadFigures figures, AtomicLong inFlight) {
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        if (counted) {
            figures.senderLag(now - due);
        }
        int kind = plan.mix().pick(random);
        int paths = plan.mix().kinds().get(kind).paths().size();
        int path = paths == 1 ? 0 : random.nextInt(paths);
        inFlight.incrementAndGet();
        transport.send(kind, path, due, (status, bodyBytes, failure, done) -> {
            if (counted) {
                figures.record(kind, done - due, done, status, bodyBytes, failure);
            } else if (failure != null || status < 200 || status >= 400) {
                figures.warmupError();
            }
            inFlight.decrementAndGet();
        });
    }
}
