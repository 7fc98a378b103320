package dev.routeplan.planning.travel;

import dev.routeplan.planning.domain.VehicleClass;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Average driving speed per vehicle class for each hour of the day (Asia/Kolkata). A trip is
 * driven at the speed of the hour it departs in: plan times are seconds after 00:00 on the plan
 * date, and India keeps no daylight saving, so the hour is the departure modulo a day, divided
 * by 3,600.
 */
public final class SpeedProfile {

    public static final int HOURS = 24;
    private static final long DAY = 86_400;

    /** Delhi traffic relative to a class's free-flow speed: morning (08-11) and evening (17-21) peaks. */
    private static final double[] DELHI_HOURLY_FACTOR = {
        1.15, 1.15, 1.15, 1.15, 1.15, 1.10, 1.00, 0.90,   // 00-07
        0.60, 0.60, 0.65, 0.80, 0.85, 0.85, 0.85, 0.85,   // 08-15
        0.80, 0.60, 0.55, 0.55, 0.65, 0.85, 1.00, 1.10};  // 16-23

    private final Map<VehicleClass, double[]> speedKmh;

    private SpeedProfile(Map<VehicleClass, double[]> speedKmh) {
        this.speedKmh = speedKmh;
    }

    /** One speed per hour, 24 of them, for every vehicle class. */
    public static SpeedProfile of(Map<VehicleClass, List<Double>> hourlySpeedKmh) {
        Map<VehicleClass, double[]> speeds = new EnumMap<>(VehicleClass.class);
        for (VehicleClass vc : VehicleClass.values()) {
            List<Double> hourly = hourlySpeedKmh.get(vc);
            if (hourly == null || hourly.size() != HOURS) {
                throw new IllegalArgumentException("vehicle class " + vc + " needs " + HOURS + " hourly speeds, has "
                        + (hourly == null ? "none" : hourly.size()));
            }
            double[] row = new double[HOURS];
            for (int h = 0; h < HOURS; h++) {
                Double speed = hourly.get(h);
                if (speed == null || !(speed > 0)) {
                    throw new IllegalArgumentException("vehicle class " + vc + " has no positive speed for hour " + h);
                }
                row[h] = speed;
            }
            speeds.put(vc, row);
        }
        return new SpeedProfile(speeds);
    }

    /** The same speed all day long, per vehicle class. */
    public static SpeedProfile flat(Map<VehicleClass, Double> speedKmh) {
        Map<VehicleClass, List<Double>> hourly = new EnumMap<>(VehicleClass.class);
        speedKmh.forEach((vc, speed) -> hourly.put(vc, java.util.Collections.nCopies(HOURS, speed)));
        return of(hourly);
    }

    /** Delhi's free-flow speeds (HGV 30, MGV 28, LGV 24, three-wheeler 20 km/h) scaled by the hour's traffic. */
    public static SpeedProfile delhiDefaults() {
        return scaled(Map.of(VehicleClass.HGV, 30.0, VehicleClass.MGV, 28.0, VehicleClass.LGV, 24.0,
                VehicleClass.THREE_WHEELER, 20.0));
    }

    /** Free-flow speeds per class, scaled by Delhi's hourly traffic factors. */
    public static SpeedProfile scaled(Map<VehicleClass, Double> freeFlowKmh) {
        Map<VehicleClass, List<Double>> hourly = new EnumMap<>(VehicleClass.class);
        freeFlowKmh.forEach((vc, speed) -> hourly.put(vc,
                Arrays.stream(DELHI_HOURLY_FACTOR).mapToObj(f -> speed * f).toList()));
        return of(hourly);
    }

    /** The hour of the day (0-23) a plan time falls in, days before or after the plan date included. */
    public static int hourOf(long planSeconds) {
        return (int) (Math.floorMod(planSeconds, DAY) / 3600);
    }

    public double speedKmh(VehicleClass vehicleClass, long departureSeconds) {
        return speedKmh.get(vehicleClass)[hourOf(departureSeconds)];
    }

    public double speedKmhAtHour(VehicleClass vehicleClass, int hour) {
        return speedKmh.get(vehicleClass)[hour];
    }

    /** Each class's speeds, km/h, hour 0 to 23; a class driven at one speed all day shows it once. */
    public String describe() {
        StringBuilder text = new StringBuilder("speeds km/h by hour 00-23:");
        speedKmh.forEach((vc, row) -> {
            text.append(' ').append(vc).append('=');
            if (Arrays.stream(row).allMatch(v -> v == row[0])) {
                text.append(round(row[0])).append(" all day");
            } else {
                text.append('[');
                for (int h = 0; h < row.length; h++) {
                    text.append(h == 0 ? "" : " ").append(round(row[h]));
                }
                text.append(']');
            }
            text.append(';');
        });
        return text.substring(0, text.length() - 1);
    }

    private static String round(double kmh) {
        return java.math.BigDecimal.valueOf(kmh).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SpeedProfile");
        speedKmh.forEach((vc, row) -> text.append(' ').append(vc).append('=').append(Arrays.toString(row)));
        return text.toString();
    }
}
