package dev.routeplan.planning.compliance.pack;

/** How a failed check weighs: a HARD failure blocks the route, a WARNING is reported only. */
public enum Severity {
    HARD, WARNING
}
