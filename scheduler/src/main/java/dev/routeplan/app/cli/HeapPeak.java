package dev.routeplan.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap the JVM has held so far: the sum of each heap pool's peak. Pools peak at
 * different moments, so this is an upper bound of the true peak, which is what a capacity
 * plan needs.
 */
final class HeapPeak {

    private HeapPeak() {
    }

    static long usedMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
