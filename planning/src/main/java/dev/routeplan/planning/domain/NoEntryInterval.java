package dev.routeplan.planning.domain;

/**
 * A stretch of the plan-date timeline (seconds after 00:00, half-open) in which a given vehicle
 * may not ply on Delhi roads because of the rule {@code ruleId}. The rule pack derives these;
 * the solver plans around them and the verifier checks them again independently.
 */
public record NoEntryInterval(String ruleId, long startSeconds, long endSeconds) {

    public NoEntryInterval {
        if (endSeconds <= startSeconds) {
            throw new IllegalArgumentException("empty interval for " + ruleId + ": " + startSeconds + ".." + endSeconds);
        }
    }

    /** Seconds of {@code [from, to)} that fall inside this interval. */
    public long overlapSeconds(long from, long to) {
        return Math.max(0, Math.min(to, endSeconds) - Math.max(from, startSeconds));
    }
}
