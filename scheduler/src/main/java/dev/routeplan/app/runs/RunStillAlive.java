package dev.routeplan.app.runs;

/** A run asked to be recovered whose node is alive: recovering it would let a second run of its date start. */
public class RunStillAlive extends PlanRuns.PlanRunException {

    private final long executionId;

    public RunStillAlive(long executionId) {
        super("run " + executionId + " is running on a live node; it is not recovered");
        this.executionId = executionId;
    }

    public long executionId() {
        return executionId;
    }
}
