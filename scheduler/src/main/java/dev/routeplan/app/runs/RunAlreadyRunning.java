package dev.routeplan.app.runs;

import java.time.LocalDate;

/** A run of the date is going on (on this node or another): a second one must not start. */
public class RunAlreadyRunning extends PlanRuns.PlanRunException {

    private final LocalDate planDate;
    private final Long runningExecutionId;

    public RunAlreadyRunning(LocalDate planDate, Long runningExecutionId, String node) {
        super(planDate + " is already being run" + (runningExecutionId == null ? "" : " (execution " + runningExecutionId + ")")
                + " by " + node);
        this.planDate = planDate;
        this.runningExecutionId = runningExecutionId;
    }

    public LocalDate planDate() {
        return planDate;
    }

    /** The execution running the date, or null when its node has claimed the date and not started it yet. */
    public Long runningExecutionId() {
        return runningExecutionId;
    }
}
