package dev.routeplan.planning.domain;

import java.time.LocalDate;

/** A vehicle of the fleet with its registration facts, as the rule pack needs them. */
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
        LocalDate permitValidUntil) {

    public boolean registeredInDelhi() {
        return "DL".equalsIgnoreCase(registrationState);
    }
}
