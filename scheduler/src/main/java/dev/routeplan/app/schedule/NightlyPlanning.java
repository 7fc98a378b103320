package dev.routeplan.app.schedule;

import java.time.LocalDate;

/** What the nightly schedule does with the date a firing stands for: the service plans it. */
@FunctionalInterface
public interface NightlyPlanning {

    void plan(LocalDate planDate) throws Exception;
}
