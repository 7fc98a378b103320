package dev.routeplan.planning.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A vehicle of the fleet with its registration facts, as the rule pack needs them.
 *
 * @param permitStates the states (registration codes, e.g. {@code DL}, {@code HR}) its goods-carriage
 *                     permit covers, or {@code ALL} for an all-India national permit; sorted, upper
 *                     case, empty when the fleet master does not say
 */
public record Vehicle(
        String id,
        String depotId,
        VehicleClass vehicleClass,
        Fuel fuel,
        EmissionNorm emissionNorm,
        LocalDate registrationDate,
        String registrationState,
        int gvwKg,
        int axles,
        double capacityKg,
        double capacityM3,
        TimeWindow shift,
        double costPerKm,
        double fixedCost,
        String driverId,
        LocalDate pucValidUntil,
        LocalDate permitValidUntil,
        List<String> permitStates) {

    /** The permit code of an all-India national permit (MV Act s.88(12)). */
    public static final String ALL_STATES = "ALL";

    public Vehicle {
        // sorted and de-duplicated, so the record's text (plan fingerprints) never depends on input order
        permitStates = permitStates == null ? List.of() : permitStates.stream().filter(Objects::nonNull)
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }

    /** A vehicle whose permit's states are not on record. */
    public Vehicle(String id, String depotId, VehicleClass vehicleClass, Fuel fuel, EmissionNorm emissionNorm,
                   LocalDate registrationDate, String registrationState, int gvwKg, int axles, double capacityKg,
                   double capacityM3, TimeWindow shift, double costPerKm, double fixedCost, String driverId,
                   LocalDate pucValidUntil, LocalDate permitValidUntil) {
        this(id, depotId, vehicleClass, fuel, emissionNorm, registrationDate, registrationState, gvwKg, axles,
                capacityKg, capacityM3, shift, costPerKm, fixedCost, driverId, pucValidUntil, permitValidUntil, List.of());
    }

    /**
     * What running this vehicle for the day over {@code km} costs: its km at its rate per km plus its
     * fixed cost. The one definition of a plan's cost: the solver's score minimises it for every
     * vehicle it uses, and the efficiency figures compare the hand plan's and the optimised plan's
     * by it ({@link DepotPlan#runningCost}).
     */
    public double runningCost(double km) {
        return km * costPerKm + fixedCost;
    }

    public boolean registeredInDelhi() {
        return "DL".equalsIgnoreCase(registrationState);
    }

    /** True if the permit's states are on record and include {@code state} (or are all India). */
    public boolean permitCovers(String state) {
        return permitStates.contains(ALL_STATES) || permitStates.contains(state.toUpperCase(Locale.ROOT));
    }
}
