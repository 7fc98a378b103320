package dev.routeplan.planning.domain;

/**
 * A stretch of the plan-date timeline (seconds after 00:00, half-open) in which a given vehicle
 * may not ply on Delhi roads because of the rule {@code ruleId}. The rule pack derives these;
 * the solver plans around them and the verifier checks them again independently.
 *
 * @param liftedForEssentialGoods the rule exempts essential goods: the stretch does not bind a
 *                                route whose every order is essential goods (the pack's list)
 */
public record NoEntryInterval(String ruleId, long startSeconds, long endSeconds, boolean liftedForEssentialGoods) {

    public NoEntryInterval {
        if (endSeconds <= startSeconds) {
            throw new IllegalArgumentException("empty interval for " + ruleId + ": " + startSeconds + ".." + endSeconds);
        }
    }

    /** A stretch that binds whatever the route carries. */
    public NoEntryInterval(String ruleId, long startSeconds, long endSeconds) {
        this(ruleId, startSeconds, endSeconds, false);
    }

    /** Whether the stretch binds a route that carries only essential goods ({@code essentialOnly}) or not. */
    public boolean binds(boolean essentialOnly) {
        return !(essentialOnly && liftedForEssentialGoods);
    }

    /** Seconds of {@code [from, to)} that fall inside this interval. */
    public long overlapSeconds(long from, long to) {
        return Math.max(0, Math.min(to, endSeconds) - Math.max(from, startSeconds));
    }
}
