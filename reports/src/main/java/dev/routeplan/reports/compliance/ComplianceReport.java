package dev.routeplan.reports.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the compliance verifier decided for one plan date: the GRAP stage it applied (and where
 * that came from), the rule pack it used, identified down to its SHA-256 with the recipe to redo
 * it, the travel model every time was computed with, every check of every route of every depot,
 * and the vehicles that did not run and why. Input of the officers' PDF and evidence workbook.
 *
 * @param rulePackHashRecipe how {@code rulePackSha256} is computed, in words
 * @param rulePackFiles      the pack's files with their SHA-256, one {@code sha256sum} line each
 * @param travelModel        the travel model and its parameters, as the verifier named it
 * @param setAside           every vehicle of the date that ran no (published) route, with the reason
 */
public record ComplianceReport(
        LocalDate planDate,
        String grapStage,
        String grapSource,
        String rulePackId,
        String rulePackVersion,
        String rulePackSha256,
        Instant checkedAt,
        List<DepotCompliance> depots,
        String rulePackHashRecipe,
        List<String> rulePackFiles,
        String travelModel,
        List<SetAsideVehicle> setAside) {

    public ComplianceReport {
        depots = depots == null ? List.of() : List.copyOf(depots);
        rulePackFiles = rulePackFiles == null ? List.of() : List.copyOf(rulePackFiles);
        setAside = setAside == null ? List.of() : List.copyOf(setAside);
    }

    /** A report without the pack's recipe, travel model or set-aside vehicles. */
    public ComplianceReport(LocalDate planDate, String grapStage, String grapSource, String rulePackId,
                            String rulePackVersion, String rulePackSha256, Instant checkedAt, List<DepotCompliance> depots) {
        this(planDate, grapStage, grapSource, rulePackId, rulePackVersion, rulePackSha256, checkedAt, depots,
                null, List.of(), null, List.of());
    }

    public List<RouteCompliance> routes() {
        return depots.stream().flatMap(depot -> depot.routes().stream()).toList();
    }

    public List<CheckLine> checks() {
        return routes().stream().flatMap(route -> route.checks().stream()).toList();
    }

    public int routeCount() {
        return routes().size();
    }

    public long passedRouteCount() {
        return routes().stream().filter(RouteCompliance::passed).count();
    }

    public long blockedRouteCount() {
        return routes().stream().filter(RouteCompliance::blocked).count();
    }

    /** Blocked routes in depot order, each with its depot. */
    public List<BlockedRoute> blockedRoutes() {
        List<BlockedRoute> blocked = new ArrayList<>();
        for (DepotCompliance depot : depots) {
            depot.blockedRoutes().forEach(route -> blocked.add(new BlockedRoute(depot, route)));
        }
        return blocked;
    }

    /** How many checks of the whole run ended with {@code verdict}. */
    public long count(String verdict) {
        return depots.stream().mapToLong(depot -> depot.count(verdict)).sum();
    }

    /** Checks that passed only because an exemption (a permit, essential goods...) applied. */
    public long exemptionsUsed() {
        return count(CheckLine.EXEMPT);
    }

    public long notEvaluatedCount() {
        return count(CheckLine.NOT_EVALUATED);
    }

    /** Charges (the ECC) the run's routes pay: not passes, not failures. */
    public long chargeCount() {
        return count(CheckLine.CHARGE);
    }

    /** One tally per rule id, sorted by rule id; a rule's title is the first one seen. */
    public List<RuleTally> ruleTallies() {
        Map<String, RuleTally> byRule = new TreeMap<>();
        for (CheckLine check : checks()) {
            String ruleId = Objects.requireNonNullElse(check.ruleId(), "");
            byRule.put(ruleId, byRule.getOrDefault(ruleId, RuleTally.none(ruleId)).plus(check));
        }
        return List.copyOf(byRule.values());
    }
}
