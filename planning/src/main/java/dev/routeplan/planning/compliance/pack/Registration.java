package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.Vehicle;

/** Which registrations a rule covers: any, Delhi (DL) or outside Delhi (NON_DL). */
public enum Registration {
    ANY, DL, NON_DL;

    boolean covers(Vehicle v) {
        return switch (this) {
            case ANY -> true;
            case DL -> v.registeredInDelhi();
            case NON_DL -> !v.registeredInDelhi();
        };
    }
}
