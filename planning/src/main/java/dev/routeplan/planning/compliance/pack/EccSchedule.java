package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Environment Compensation Charge (cost item {@code DL-ECC} of the pack): the amount a
 * vehicle pays on entering Delhi on a given day. Periods give amounts by category; from
 * {@code escalationFirstOn} the latest period's amounts rise by {@code escalationPctPerYear}
 * compounded once on each anniversary, rounded to the nearest rupee (rounding unverified).
 * {@code legalSource} and {@code refs} are the cost item's {@code source}, cited like a rule's.
 */
public record EccSchedule(List<Category> categories, List<Period> periods, double escalationPctPerYear,
                          LocalDate escalationFirstOn, String rounding, String legalSource, List<String> refs) {

    public EccSchedule {
        categories = List.copyOf(categories);
        periods = List.copyOf(periods);
        refs = List.copyOf(refs);
    }

    /** A schedule column and the vehicles that pay it: pack classes and/or an axle bound. */
    public record Category(String name, Set<String> classes, Integer axlesAtMost, Integer axlesAtLeast) {

        boolean matches(Vehicle v, List<String> classChain) {
            return (classes.isEmpty() || classChain.stream().anyMatch(classes::contains))
                    && (axlesAtMost == null || v.axles() <= axlesAtMost)
                    && (axlesAtLeast == null || v.axles() >= axlesAtLeast);
        }
    }

    /** Amounts in force from {@code from} to {@code until} (inclusive, either may be null); keys may join names with "_or_". */
    public record Period(LocalDate from, LocalDate until, Map<String, Integer> amountsInr) {

        boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
        }

        Optional<Integer> amount(String category) {
            return amountsInr.entrySet().stream()
                    .filter(e -> List.of(e.getKey().split("_or_")).contains(category)
                            || e.getKey().equals(category))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    /** The category the vehicle pays under, or empty if none matches. */
    public Optional<String> category(Vehicle v, List<String> classChain) {
        return categories.stream().filter(c -> c.matches(v, classChain)).map(Category::name).findFirst();
    }

    /** Amount for a category on a day, with the number of escalations applied. */
    public Optional<long[]> amount(String category, LocalDate day) {
        Optional<Period> period = periods.stream().filter(p -> p.covers(day)).findFirst();
        if (period.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> base = period.get().amount(category);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        long escalations = escalationFirstOn == null || day.isBefore(escalationFirstOn)
                ? 0 : ChronoUnit.YEARS.between(escalationFirstOn, day) + 1;
        double amount = base.get() * Math.pow(1 + escalationPctPerYear / 100.0, escalations);
        return Optional.of(new long[] {Math.round(amount), base.get(), escalations});
    }
}
