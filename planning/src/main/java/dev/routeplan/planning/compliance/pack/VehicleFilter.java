package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.Vehicle;
import java.util.List;
import java.util.Set;

/**
 * The {@code applies_to} part of a rule: which vehicles it covers. Empty sets mean "any".
 *
 * @param classes         pack class names; a vehicle is covered if its class or an ancestor is listed
 * @param excludeClasses  pack class names taken out again (e.g. LGV_3W out of LGV)
 * @param normAtMost      covers only vehicles whose norm is at most this one, or null
 * @param matchAny        if not empty, the vehicle must match at least one fuel/norm pair
 * @param cargoCategories cargo that triggers the rule (read, not evaluated yet)
 */
public record VehicleFilter(
        Set<String> classes,
        Set<String> excludeClasses,
        Set<Fuel> fuels,
        Set<Fuel> excludeFuels,
        EmissionNorm normAtMost,
        Registration registration,
        List<FuelNorm> matchAny,
        Set<String> cargoCategories) {

    public static final VehicleFilter ANY =
            new VehicleFilter(Set.of(), Set.of(), Set.of(), Set.of(), null, Registration.ANY, List.of(), Set.of());

    public VehicleFilter {
        classes = SortedSets.copyOf(classes);
        excludeClasses = SortedSets.copyOf(excludeClasses);
        fuels = SortedSets.copyOf(fuels);
        excludeFuels = SortedSets.copyOf(excludeFuels);
        matchAny = List.copyOf(matchAny);
        cargoCategories = SortedSets.copyOf(cargoCategories);
    }

    /** A fuel with an optional "norm at most" bound, as in {@code {fuel: DIESEL, norm_le: BS4}}. */
    public record FuelNorm(Fuel fuel, EmissionNorm normAtMost) {

        boolean matches(Vehicle v) {
            return v.fuel() == fuel && withinNorm(v.emissionNorm(), normAtMost);
        }
    }

    /**
     * @param classChain the vehicle's pack class followed by its ancestors, e.g. [LGV_3W, LGV]
     */
    public boolean covers(Vehicle v, List<String> classChain) {
        return coversClass(classChain)
                && (fuels.isEmpty() || fuels.contains(v.fuel()))
                && !excludeFuels.contains(v.fuel())
                && withinNorm(v.emissionNorm(), normAtMost)
                && registration.covers(v)
                && (matchAny.isEmpty() || matchAny.stream().anyMatch(m -> m.matches(v)));
    }

    private boolean coversClass(List<String> classChain) {
        boolean listed = classes.isEmpty() || classChain.stream().anyMatch(classes::contains);
        return listed && classChain.stream().noneMatch(excludeClasses::contains);
    }

    /** A vehicle without a recorded norm (e.g. electric) is not covered by a norm bound. */
    static boolean withinNorm(EmissionNorm norm, EmissionNorm bound) {
        return bound == null || (norm != null && norm.atMost(bound));
    }
}
