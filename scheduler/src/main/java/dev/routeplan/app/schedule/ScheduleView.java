package dev.routeplan.app.schedule;

import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A schedule as the operator sees it; fire times in IST.
 *
 * @param job              the Quartz job it fires
 * @param cron             its cron (Quartz: seconds first), null when it is disabled in configuration
 * @param zone             the zone the cron is read in
 * @param state            {@link State}
 * @param nextFireTime     when it fires next, null when it will not
 * @param previousFireTime when it last fired, null when it never did
 * @param publishBy        by when (IST) the night's plans must be published, null when the schedule has no deadline
 */
public record ScheduleView(String name, String job, String description, String cron, String zone, State state,
                           OffsetDateTime nextFireTime, OffsetDateTime previousFireTime, LocalTime publishBy) {

    public enum State {
        /** waiting for its next fire time */
        SCHEDULED,
        /** paused through the API: it does not fire until resumed */
        PAUSED,
        /** its job is running now (it does not fire again until that run ends) */
        RUNNING,
        /** its job could not be built: see the service's log */
        ERROR,
        /** it will never fire again */
        COMPLETE,
        /** disabled in configuration: no trigger */
        DISABLED
    }
}
