package dev.routeplan.batch.publish;

import java.util.List;
import java.util.Map;

/** What {@code summary.json} says about a run: the figures operations and planners look at first. */
public record RunSummary(
        String planDate,
        long attempt,
        String grapStage,
        String grapSource,
        RulePackStamp rulePack,
        Orders orders,
        Vehicles vehicles,
        double totalKm,
        long unassigned,
        Compliance compliance,
        Map<String, Map<String, Long>> checksByRule,
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
                               long routesBlocked, Map<String, Map<String, Long>> checksByRule) {
    }
}
