package dev.routeplan.planning.compliance.pack;

/** Why a vehicle may not be used at all on the plan date, naming the rule. */
public record Ineligibility(String ruleId, String reason) {
}
