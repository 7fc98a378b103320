package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code allowed} and {@code transitional} parts of an entry rule: vehicles the rule lets in.
 * Any of: a listed fuel, a listed norm (any fuel), a listed norm for diesel; or, until the end of
 * {@code transitionalUntil} (IST), a transitional norm.
 *
 * @param transitionalVariant which reading of a conflicting transition the pack chose, for evidence
 */
public record EntryAllowance(Set<Fuel> fuels, Set<EmissionNorm> norms, Set<EmissionNorm> dieselNorms,
                             Set<EmissionNorm> transitionalNorms, LocalDate transitionalUntil,
                             String transitionalVariant) {

    public static final EntryAllowance NONE = new EntryAllowance(Set.of(), Set.of(), Set.of(), Set.of(), null, null);

    public EntryAllowance {
        fuels = SortedSets.copyOf(fuels);
        norms = SortedSets.copyOf(norms);
        dieselNorms = SortedSets.copyOf(dieselNorms);
        transitionalNorms = SortedSets.copyOf(transitionalNorms);
    }

    /** Why the vehicle is let in on {@code day}, or empty if it is not. */
    public Optional<String> allows(Vehicle v, LocalDate day) {
        EmissionNorm norm = v.emissionNorm();
        if (fuels.contains(v.fuel())) {
            return Optional.of("allowed fuel " + v.fuel() + " " + fuels);
        }
        if (norm != null && norms.contains(norm)) {
            return Optional.of("allowed norm " + norm + " " + norms);
        }
        if (v.fuel() == Fuel.DIESEL && norm != null && dieselNorms.contains(norm)) {
            return Optional.of("allowed diesel norm " + norm + " " + dieselNorms);
        }
        if (norm != null && transitionalNorms.contains(norm) && transitionalUntil != null
                && !day.isAfter(transitionalUntil)) {
            return Optional.of("transition (" + transitionalVariant + "): norm " + norm + " allowed until "
                    + transitionalUntil + " 23:59:59 IST");
        }
        return Optional.empty();
    }
}
