package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ComplianceStore.StoredCheck;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.reports.compliance.CheckLine;
import dev.routeplan.reports.compliance.ComplianceReport;
import dev.routeplan.reports.compliance.DepotCompliance;
import dev.routeplan.reports.compliance.RouteCompliance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Gathers the date's stored checks into the compliance officers' report, rule titles from the pack. */
public class ComplianceReportAssembler {

    private final FleetStore fleet;
    private final PlanStore plans;
    private final ComplianceStore checks;
    private final ConditionsStore conditions;
    private final RulePack rulePack;

    public ComplianceReportAssembler(FleetStore fleet, PlanStore plans, ComplianceStore checks, ConditionsStore conditions,
                                     RulePack rulePack) {
        this.fleet = fleet;
        this.plans = plans;
        this.checks = checks;
        this.conditions = conditions;
        this.rulePack = rulePack;
    }

    public ComplianceReport assemble(PlanRunParameters run) {
        var date = run.planDate();
        Map<String, Vehicle> vehicles = fleet.vehiclesById(date);
        List<StoredCheck> allChecks = checks.checks(date);
        Map<String, List<StoredCheck>> byVehicle = allChecks.stream()
                .collect(Collectors.groupingBy(StoredCheck::vehicleId));
        List<DepotCompliance> depots = new ArrayList<>();
        for (Depot depot : fleet.depots(date)) {
            List<RouteCompliance> routes = new ArrayList<>();
            for (PlanStore.StoredRoute stored : plans.routes(date, depot.id())) {
                String vehicleId = stored.route().vehicleId();
                List<CheckLine> lines = byVehicle.getOrDefault(vehicleId, List.of()).stream()
                        .map(c -> new CheckLine(c.ruleId(), title(c.ruleId()), c.verdict(), c.severity(), c.message(),
                                c.evidenceJson()))
                        .toList();
                String status = PlanStore.BLOCKED.equals(stored.status()) ? RouteCompliance.BLOCKED : RouteCompliance.PASSED;
                routes.add(new RouteCompliance(vehicleId, vehicles.get(vehicleId).vehicleClass().name(), status, lines));
            }
            depots.add(new DepotCompliance(depot.id(), depot.name(), routes));
        }
        GrapCalendar grap = conditions.grapCalendar(date, run.grapStage());
        Instant checkedAt = allChecks.stream().map(StoredCheck::checkedAt).max(Comparator.naturalOrder())
                .orElse(Instant.now());
        return new ComplianceReport(date, grap.describe(), grap.source(), rulePack.id(), rulePack.version(),
                rulePack.sha256(), checkedAt, depots);
    }

    private String title(String ruleId) {
        return rulePack.rule(ruleId).map(Rule::title).orElse(ruleId.startsWith("PLAN-") ? "Plan check" : ruleId);
    }
}
