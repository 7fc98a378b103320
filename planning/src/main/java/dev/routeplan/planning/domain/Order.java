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
        DeliveryWindows windows,
        int serviceMinutes,
        int priority,
        String depotId,
        String goodsType) {

    /** An order with a single time window. */
    public Order(String id, String customerName, String phone, String address, String pincode, GeoPoint location,
                 double weightKg, double volumeM3, TimeWindow window, int serviceMinutes, int priority, String depotId,
                 String goodsType) {
        this(id, customerName, phone, address, pincode, location, weightKg, volumeM3, DeliveryWindows.of(window),
                serviceMinutes, priority, depotId, goodsType);
    }

    public long serviceSeconds() {
        return serviceMinutes * 60L;
    }
}
