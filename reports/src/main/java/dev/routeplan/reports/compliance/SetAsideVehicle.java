package dev.routeplan.reports.compliance;

/**
 * A vehicle that did not run on the plan date, one line per reason: set aside by the fleet step
 * (age, PUC, permit: {@code ruleId} names the rule), its route blocked by compliance, or simply
 * given no route. {@code evidence} says what an officer checks (the dates, the rule's reading).
 *
 * @param status {@link #SET_ASIDE}, {@link #ROUTE_BLOCKED} or {@link #NO_ROUTE}
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
        String status,
        String ruleId,
        String evidence) {

    public static final String SET_ASIDE = "SET_ASIDE";
    public static final String ROUTE_BLOCKED = "ROUTE_BLOCKED";
    public static final String NO_ROUTE = "NO_ROUTE";
}
