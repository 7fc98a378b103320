package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ComplianceStore.StoredCheck;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.FleetStore.FleetVehicle;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.Ineligibility;
import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.compliance.verify.ComplianceVerifier;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.RouteStatus;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.reports.compliance.CheckLine;
import dev.routeplan.reports.compliance.ComplianceReport;
import dev.routeplan.reports.compliance.DepotCompliance;
import dev.routeplan.reports.compliance.LegLine;
import dev.routeplan.reports.compliance.RouteCompliance;
import dev.routeplan.reports.compliance.SetAsideVehicle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers the date's stored checks into the compliance officers' report: rule titles and legal
 * sources from the pack, each route's legs and the travel model from the verifier's timeline
 * check, the pack's hash recipe and files, and every vehicle that did not run, with the reason.
 */
public class ComplianceReportAssembler {


    private final FleetStore fleet;
    private final PlanStore plans;
    private final ComplianceStore checks;
    private final ConditionsStore conditions;
    private final RulePack rulePack;
    private final JsonMapper json;
    private final Pattern reasonSeparator;

    public ComplianceReportAssembler(FleetStore fleet, PlanStore plans, ComplianceStore checks, ConditionsStore conditions,
                                     RulePack rulePack, JsonMapper json) {
        this.fleet = fleet;
        this.plans = plans;
        this.checks = checks;
        this.conditions = conditions;
        this.rulePack = rulePack;
        this.json = json;
        this.reasonSeparator = Pattern.compile("; (?=(?:" + rulePack.rules().stream().map(r -> Pattern.quote(r.id()))
                .collect(Collectors.joining("|")) + "): )");
    }

    public ComplianceReport assemble(PlanRunParameters run) {
        var date = run.planDate();
        List<FleetVehicle> fleetOfDay = fleet.vehicles(date);
        Map<String, Vehicle> vehicles = fleetOfDay.stream().map(FleetVehicle::vehicle)
                .collect(Collectors.toMap(Vehicle::id, v -> v));
        List<StoredCheck> allChecks = checks.checks(date);
        Map<String, List<StoredCheck>> byVehicle = allChecks.stream()
                .collect(Collectors.groupingBy(StoredCheck::vehicleId));
        List<DepotCompliance> depots = new ArrayList<>();
        Set<String> travelModels = new LinkedHashSet<>();
        Map<String, RouteStatus> routed = new HashMap<>();
        for (Depot depot : fleet.depots(date)) {
            List<RouteCompliance> routes = new ArrayList<>();
            for (PlanStore.StoredRoute stored : plans.routes(date, depot.id())) {
                String vehicleId = stored.route().vehicleId();
                List<StoredCheck> routeChecks = byVehicle.getOrDefault(vehicleId, List.of());
                List<CheckLine> lines = routeChecks.stream().map(this::line).toList();
                RouteStatus status = stored.status() == RouteStatus.BLOCKED ? RouteStatus.BLOCKED : RouteStatus.PASSED;
                routed.put(vehicleId, status);
                List<LegLine> legs = List.of();
                for (StoredCheck c : routeChecks) {
                    if (ComplianceVerifier.TIMELINE_CHECK.equals(c.ruleId())) {
                        JsonNode evidence = tree(c.evidenceJson());
                        legs = legs(evidence);
                        if (evidence.hasNonNull("travel_model")) {
                            travelModels.add(evidence.get("travel_model").asString());
                        }
                    }
                }
                routes.add(new RouteCompliance(vehicleId, vehicles.get(vehicleId).vehicleClass().name(), status, lines, legs));
            }
            depots.add(new DepotCompliance(depot.id(), depot.name(), routes));
        }
        GrapCalendar grap = conditions.grapCalendar(date, run.grapStage());
        Instant checkedAt = allChecks.stream().map(StoredCheck::checkedAt).max(Comparator.naturalOrder())
                .orElse(Instant.now());
        return new ComplianceReport(date, grap.describe(), grap.source(), rulePack.id(), rulePack.version(),
                rulePack.sha256(), checkedAt, depots, RulePack.HASH_RECIPE, rulePack.hashManifest().lines().toList(),
                travelModels.isEmpty() ? null : String.join(" | ", travelModels),
                setAside(fleetOfDay, routed, byVehicle, date, grap.highestStage(date, 0, TimeWindow.SECONDS_PER_DAY)));
    }

    /**
     * Every vehicle of the date that ran no published route: set aside by the fleet step (one line
     * per rule), its route blocked (one line per hard failure), or given no route at all (with the
     * GRAP ban that kept it off the road all day at the day's highest stage, if one did).
     */
    List<SetAsideVehicle> setAside(List<FleetVehicle> fleetOfDay, Map<String, RouteStatus> routed,
                                   Map<String, List<StoredCheck>> checksByVehicle, LocalDate date, int highestGrapStage) {
        VehicleEligibility eligibility = new VehicleEligibility(rulePack);
        List<SetAsideVehicle> result = new ArrayList<>();
        for (FleetVehicle fv : fleetOfDay) {
            Vehicle v = fv.vehicle();
            RouteStatus status = routed.get(v.id());
            if (!fv.eligible()) {
                for (String[] reason : reasons(fv.setAsideReason())) {
                    result.add(line(v, SetAsideVehicle.Status.SET_ASIDE, reason[0], reason[1]));
                }
            } else if (status == RouteStatus.BLOCKED) {
                for (StoredCheck c : checksByVehicle.getOrDefault(v.id(), List.of())) {
                    if ("FAIL".equals(c.verdict()) && "HARD".equals(c.severity())) {
                        result.add(line(v, SetAsideVehicle.Status.ROUTE_BLOCKED, c.ruleId(), c.message()));
                    }
                }
            } else if (status == null) {
                Set<String> bannedAnyway = eligibility.check(v, date).stream().map(Ineligibility::ruleId).collect(Collectors.toSet());
                List<Ineligibility> grapBans = eligibility.check(v, date, highestGrapStage).stream()
                        .filter(i -> !bannedAnyway.contains(i.ruleId())).toList();
                for (Ineligibility ban : grapBans) {
                    result.add(line(v, SetAsideVehicle.Status.NO_ROUTE, ban.ruleId(), "no route; " + ban.reason()
                            + " (the day's highest GRAP stage; cargo that could exempt it is not known before planning)"));
                }
                if (grapBans.isEmpty()) {
                    result.add(line(v, SetAsideVehicle.Status.NO_ROUTE, "", "eligible, but the plan gave it no route"
                            + " (its depot's orders were served by other vehicles, or none it could serve)"));
                }
            }
        }
        return result;
    }

    /**
     * The fleet step's reason, "RULE-ID: detail; RULE-ID: detail", split per rule: only at "; "
     * followed by one of the pack's rule ids, since a detail may itself contain "; ".
     */
    List<String[]> reasons(String setAsideReason) {
        List<String[]> result = new ArrayList<>();
        for (String part : reasonSeparator.split(setAsideReason)) {
            int colon = part.indexOf(": ");
            String ruleId = colon > 0 ? part.substring(0, colon) : "";
            boolean known = rulePack.rule(ruleId).isPresent();
            result.add(new String[] {known ? ruleId : "", known ? part.substring(colon + 2) : part});
        }
        return result;
    }

    private static SetAsideVehicle line(Vehicle v, SetAsideVehicle.Status status, String ruleId, String evidence) {
        return new SetAsideVehicle(v.depotId(), v.id(), v.vehicleClass().name(), v.fuel().name(),
                text(v.emissionNorm()), v.registrationState(), text(v.registrationDate()),
                text(v.pucValidUntil()), text(v.permitValidUntil()),
                v.permitStates().isEmpty() ? "not on record" : String.join(" ", v.permitStates()), status, ruleId, evidence);
    }

    /** Empty for a fact not on record, never "null". */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<LegLine> legs(JsonNode evidence) {
        List<LegLine> legs = new ArrayList<>();
        JsonNode rows = evidence.path("legs");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode leg = rows.get(i);
            legs.add(new LegLine(i + 1, leg.path("from").asString(""), leg.path("to").asString(""),
                    leg.path("depart").asString(""), leg.path("arrive").asString(""),
                    leg.path("from_position").asString(""), leg.path("to_position").asString(""),
                    leg.path("km").isNumber() ? leg.path("km").asDouble() : null));
        }
        return legs;
    }

    private JsonNode tree(String evidenceJson) {
        if (evidenceJson == null || evidenceJson.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(evidenceJson);
        } catch (JacksonException e) {
            return json.createObjectNode(); // evidence the verifier did not write as JSON has no legs to show
        }
    }

    /** A stored check as the report prints it: the rule's title and legal source from the pack. */
    CheckLine line(StoredCheck c) {
        return new CheckLine(c.ruleId(), title(c.ruleId()), source(c.ruleId()), c.verdict(), c.severity(), c.message(),
                c.evidenceJson());
    }

    private String title(String ruleId) {
        if (isEcc(ruleId)) {
            return "Environment Compensation Charge on entering Delhi (a cost, not a ban)";
        }
        return rulePack.rule(ruleId).map(Rule::title).orElse(ruleId.startsWith("PLAN-") ? "Plan check" : ruleId);
    }

    /** The rule's (or the ECC's) legal source and its DELHI-RULES.md references, e.g. "CMVR 1989 r.115(7) [O6a, G9]". */
    private String source(String ruleId) {
        if (isEcc(ruleId)) {
            return cited(rulePack.ecc().legalSource(), rulePack.ecc().refs());
        }
        return rulePack.rule(ruleId).map(r -> cited(r.legalSource(), r.refs())).orElse("");
    }

    private boolean isEcc(String ruleId) {
        return RulePack.ECC_CHECK.equals(ruleId) && rulePack.ecc() != null;
    }

    private static String cited(String legal, List<String> refs) {
        return legal + (refs.isEmpty() ? "" : " [" + String.join(", ", refs) + "]");
    }
}
