package dev.routeplan.batch.store;

import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of file a plan's input folder holds, recognised by name. */
public enum InputFileKind {
    ORDERS, FLEET, DEPOTS, PERMITS, GRAP;

    private static final Pattern ORDERS_NAME = Pattern.compile("orders[A-Za-z0-9._-]*\\.(csv|csv\\.gz|xlsx)");

    public static Optional<InputFileKind> ofFileName(String name) {
        if (ORDERS_NAME.matcher(name).matches()) {
            return Optional.of(ORDERS);
        }
        if (name.equals("fleet.csv")) {
            return Optional.of(FLEET);
        }
        if (name.equals("depots.csv")) {
            return Optional.of(DEPOTS);
        }
        if (name.equals("permits.csv")) {
            return Optional.of(PERMITS);
        }
        if (name.equals("grap.csv")) {
            return Optional.of(GRAP);
        }
        return Optional.empty();
    }
}
