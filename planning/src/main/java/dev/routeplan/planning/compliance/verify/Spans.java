package dev.routeplan.planning.compliance.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Joining {start, end} spans, whatever they measure: seconds of the plan date ({@link TimeSpans})
 * or fractions along a leg ({@link DelhiEntries}).
 */
final class Spans {

    private Spans() {
    }

    /**
     * The spans in order of start, those that overlap or touch joined into one; {@code extend}
     * makes the span that runs from its first argument's start to the later of the two ends.
     * (Seconds read as doubles are exact: a plan's timeline is a few days long.)
     */
    static <S> List<S> joined(List<S> spans, ToDoubleFunction<S> start, ToDoubleFunction<S> end, BinaryOperator<S> extend) {
        List<S> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(start));
        List<S> merged = new ArrayList<>();
        for (S span : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && start.applyAsDouble(span) <= end.applyAsDouble(merged.get(last))) {
                merged.set(last, extend.apply(merged.get(last), span));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }
}
