package dev.routeplan.reports.compliance;

/**
 * A vehicle that did not run on the plan date, one line per reason: set aside by the fleet step
 * (age, PUC, permit: {@code ruleId} names the rule), its route blocked by compliance, or simply
 * given no route. {@code evidence} says what an officer checks (the dates, the rule's reading).
 *
 * @param status why it did not run (its name is the text the CSV and the sheet show)
 * @param ruleId the rule that grounded the vehicle, empty when none did
 */
public record SetAsideVehicle(
        String depotId,
        String vehicleId,
        String vehicleClass,
        String fuel,
        String emissionNorm,
        String registrationState,
        String registrationDate,
        String pucValidUntil,
        String permitValidUntil,
        String permitStates,
        Status status,
        String ruleId,
        String evidence) {

    /** Why the vehicle did not run; {@link #name()} is what the CSV and the sheet print. */
    public enum Status {
        /** Set aside by the fleet step (age, PUC, permit). */
        SET_ASIDE,
        /** Its route was blocked by a hard compliance failure. */
        ROUTE_BLOCKED,
        /** Eligible (or GRAP-banned for the day) but given no route. */
        NO_ROUTE
    }
}
