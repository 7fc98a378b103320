package dev.routeplan.app.schedule;

import java.time.Instant;
import java.time.LocalDate;

/** What the nightly schedule does with the date a firing stands for: the service plans it. */
public interface NightlyPlanning {

    void plan(LocalDate planDate) throws Exception;

    /**
     * Carries on a firing whose node died while it ran (Quartz's recovery, on another node of the
     * cluster): the run that firing started is restarted from its failed step, or planned afresh
     * when it never started.
     *
     * @param firedAt when the dead node's firing was scheduled: a run of the date created before
     *                it is not that firing's
     */
    void resume(LocalDate planDate, Instant firedAt) throws Exception;
}
