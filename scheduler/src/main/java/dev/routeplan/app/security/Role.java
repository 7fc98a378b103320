package dev.routeplan.app.security;

/**
 * Who may do what. {@code ADMIN} includes the other three (see {@link ApiSecurityConfiguration#roleHierarchy()}).
 */
public enum Role {
    /** runs, schedules, backfills */
    OPS,
    /** plans, rejects, runs read-only */
    PLANNER,
    /** compliance reports, what-ifs, withdrawals */
    COMPLIANCE,
    /** users, the audit log, everything */
    ADMIN,
    /** the Prometheus scraper: {@code /actuator/prometheus} and nothing else */
    METRICS;

    /** The authority Spring Security checks, {@code ROLE_OPS} etc. */
    public String authority() {
        return "ROLE_" + name();
    }
}
