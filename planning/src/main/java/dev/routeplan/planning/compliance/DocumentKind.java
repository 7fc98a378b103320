package dev.routeplan.planning.compliance;

/** The vehicle document a {@code document:} rule checks. */
public enum DocumentKind {
    PUC, PERMIT, FITNESS_INSURANCE_RC
}
