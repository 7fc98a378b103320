package dev.routeplan.planning.domain;

public enum Fuel {
    DIESEL, PETROL, CNG, LNG, ELECTRIC,
    /** Petrol engine retrofitted for CNG; treated as petrol for age limits. */
    PETROL_CNG
}
