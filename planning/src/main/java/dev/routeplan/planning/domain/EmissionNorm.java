package dev.routeplan.planning.domain;

/** Bharat Stage emission norms as recorded on the registration certificate. India skipped BS-V. */
public enum EmissionNorm {
    BS1, BS2, BS3, BS4, BS6;

    public boolean atMost(EmissionNorm other) {
        return compareTo(other) <= 0;
    }
}
