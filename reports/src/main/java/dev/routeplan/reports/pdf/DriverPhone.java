package dev.routeplan.reports.pdf;

import dev.routeplan.planning.domain.IndianMobile;

/**
 * A customer's number as the driver reads it off the manifest to call ahead: {@code +91 98496 09920},
 * grouped five and five as Indian mobiles are written, since the stored {@code +919849609920} is easy
 * to misdial. About one order in twelve comes without a number; its cell stays empty.
 */
final class DriverPhone {

    private DriverPhone() {
    }

    static String readable(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        return IndianMobile.normalise(stored)
                .map(number -> number.substring(0, 3) + " " + number.substring(3, 8) + " " + number.substring(8))
                // ingest takes in mobiles only; anything else reached the plan another way and is shown as written
                .orElse(stored.strip());
    }
}
