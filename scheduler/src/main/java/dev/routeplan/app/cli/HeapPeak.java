package dev.routeplan.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use at once during the command, sampled every 20 ms by a daemon thread. The
 * memory pools' own peaks cannot be added up: they peak at different moments.
 */
final class HeapPeak {

    private static final AtomicLong PEAK = new AtomicLong();
    private static volatile Thread sampler;

    private HeapPeak() {
    }

    static synchronized void start() {
        if (sampler != null) {
            return;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    static long usedMegabytes() {
        PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        return PEAK.get() / (1024 * 1024);
    }
}
