package dev.routeplan.reports.map;

/** The round length a scale bar shows: 1, 2 or 5 times a power of ten km, the longest that fits. */
final class ScaleBar {

    private ScaleBar() {
    }

    /** The longest of 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50 ... km not longer than {@code maxKm}. */
    static double niceKm(double maxKm) {
        double power = Math.pow(10, Math.floor(Math.log10(maxKm)));
        for (double step : new double[] {5, 2, 1}) {
            if (step * power <= maxKm) {
                return step * power;
            }
        }
        return power;
    }

    static String label(double km) {
        return km >= 1 ? String.format(java.util.Locale.ROOT, "%.0f km", km)
                : String.format(java.util.Locale.ROOT, "%.0f m", km * 1000);
    }
}
