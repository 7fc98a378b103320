package dev.routeplan.planning.domain;

/**
 * One stop of a planned route. Times are seconds after 00:00 on the plan date (Asia/Kolkata):
 * the vehicle arrives, service starts at the later of arrival and window start, and the
 * vehicle departs when service ends.
 */
public record PlannedStop(
        int sequence,
        String orderId,
        long arrivalSeconds,
        long serviceStartSeconds,
        long departureSeconds,
        double legKm,
        double loadAfterKg) {
}
