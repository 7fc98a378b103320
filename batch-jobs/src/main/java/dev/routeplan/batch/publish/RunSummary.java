package dev.routeplan.batch.publish;

import java.util.List;

/** What {@code summary.json} says about a run: the figures operations and planners look at first. */
public record RunSummary(
        String planDate,
        long attempt,
        int grapStage,
        RulePackStamp rulePack,
        Orders orders,
        Vehicles vehicles,
        double totalKm,
        long unassigned,
        Compliance compliance,
        List<DepotSummary> depots) {

    public record RulePackStamp(String id, String version, String sha256) {
    }

    public record Orders(long read, long accepted, long rejected) {
    }

    public record Vehicles(long total, long setAside, long used) {
    }

    public record Compliance(long routesPassed, long routesBlocked, long checksPassed, long checksFailed,
                             long checksExempt, long checksNotEvaluated) {
    }

    public record DepotSummary(String depotId, String name, long vehiclesUsed, long stops, double km, long unassigned,
                               long routesBlocked) {
    }
}
