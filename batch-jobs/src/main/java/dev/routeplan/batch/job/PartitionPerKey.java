package dev.routeplan.batch.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per key of the plan date (a depot, an orders file), named after its key so a
 * restart finds each partition again, with the key in the partition's execution context for
 * the worker step to read.
 *
 * @param <K> the key: a String or a Long, as the execution context stores it
 */
public abstract class PartitionPerKey<K> implements Partitioner {

    private final String name;
    private final String contextKey;
    private final Supplier<List<K>> keys;

    /**
     * @param name       what a partition is, the start of its name ({@code depot} names {@code depot-D1})
     * @param contextKey the execution context entry holding the partition's key
     * @param keys       the keys, read when the step partitions, in the order the partitions are handed out
     */
    protected PartitionPerKey(String name, String contextKey, Supplier<List<K>> keys) {
        this.name = name;
        this.contextKey = contextKey;
        this.keys = keys;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (K key : keys.get()) {
            ExecutionContext context = new ExecutionContext();
            context.put(contextKey, key);
            partitions.put(name + "-" + key, context);
        }
        return partitions;
    }
}
