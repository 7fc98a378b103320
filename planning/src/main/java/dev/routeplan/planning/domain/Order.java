package dev.routeplan.planning.domain;

/** A delivery order, validated and normalised, for one plan date. */
public record Order(
        String id,
        String customerName,
        String phone,
        String address,
        String pincode,
        GeoPoint location,
        double weightKg,
        double volumeM3,
        TimeWindow window,
        int serviceMinutes,
        int priority,
        String depotId,
        String goodsType) {

    public long serviceSeconds() {
        return serviceMinutes * 60L;
    }
}
