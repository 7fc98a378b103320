package dev.routeplan.planning.sample;

/**
 * What to generate: a seed (same seed, same scenario), the number of orders, depots and vehicles.
 * Depots 1..3 are Okhla, Narela and Mundka; more cycle through further real industrial areas.
 * Vehicles are spread evenly over the depots, so there must be at least one per depot.
 */
public record ScenarioSpec(long seed, int orders, int depots, int vehicles) {

    /** The shape of the bundled {@code samples/}: seed 42, 300 orders, 3 depots, 30 vehicles. */
    public static final ScenarioSpec SAMPLES = new ScenarioSpec(42, 300, 3, 30);

    public ScenarioSpec {
        if (orders < 0) {
            throw new IllegalArgumentException("orders must be 0 or more, was " + orders);
        }
        if (depots < 1) {
            throw new IllegalArgumentException("depots must be 1 or more, was " + depots);
        }
        if (vehicles < depots) {
            throw new IllegalArgumentException("need at least one vehicle per depot: " + vehicles + " vehicles for " + depots + " depots");
        }
    }
}
