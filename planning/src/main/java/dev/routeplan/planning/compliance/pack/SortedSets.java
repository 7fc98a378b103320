package dev.routeplan.planning.compliance.pack;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable sets that iterate in their elements' natural order. The rule pack's sets end up in
 * check messages and evidence, which a plan's fingerprint covers; {@code Set.copyOf} iterates in
 * an order salted per JVM, so the same night restarted in another process would read differently.
 */
public final class SortedSets {

    private SortedSets() {
    }

    public static <T extends Comparable<? super T>> Set<T> copyOf(Collection<T> elements) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(elements));
    }
}
