package dev.routeplan.reports.compliance;

/**
 * One drive of a route as the verifier recomputed it (depot legs included), so an officer can
 * redo its time with the travel model: where from and to, with positions ({@code lat,lon}), when
 * it departs and arrives (ISO-8601 IST), and how far.
 */
public record LegLine(int seq, String from, String to, String depart, String arrive, String fromPosition,
                      String toPosition, Double km) {
}
