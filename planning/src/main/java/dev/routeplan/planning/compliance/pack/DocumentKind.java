package dev.routeplan.planning.compliance.pack;

/** The vehicle document a {@code document:} rule checks. */
public enum DocumentKind {
    PUC, PERMIT, FITNESS_INSURANCE_RC
}
