package dev.routeplan.batch.publish;

import dev.routeplan.planning.domain.RouteStatus;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.store.PlanStore.StoredRoute;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.reports.DepotPlanDocument;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Adds up a run from the stored tables (the source of truth, whatever attempt wrote them) into {@code summary.json}. */
public class RunSummaryWriter {

    private final InputFileStore files;
    private final FleetStore fleet;
    private final OrderStore orders;
    private final PlanStore plans;
    private final ComplianceStore checks;
    private final RulePack rulePack;
    private final ConditionsStore conditions;
    private final JsonMapper json;

    public RunSummaryWriter(InputFileStore files, FleetStore fleet, OrderStore orders, PlanStore plans,
                            ComplianceStore checks, RulePack rulePack, ConditionsStore conditions, JsonMapper json) {
        this.conditions = conditions;
        this.files = files;
        this.fleet = fleet;
        this.orders = orders;
        this.plans = plans;
        this.checks = checks;
        this.rulePack = rulePack;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    public RunSummary summarise(PlanRunParameters run, List<DepotPlanDocument> documents) {
        var date = run.planDate();
        List<RunSummary.DepotSummary> depots = new ArrayList<>();
        List<dev.routeplan.planning.baseline.EfficiencyGain> gains = new ArrayList<>();
        long passed = 0;
        long blocked = 0;
        long unassigned = 0;
        double km = 0;
        long used = 0;
        for (DepotPlanDocument doc : documents) {
            List<StoredRoute> routes = plans.routes(date, doc.depot().id());
            long depotBlocked = routes.stream().filter(r -> r.status() == RouteStatus.BLOCKED).count();
            long depotStops = doc.routes().stream().mapToLong(r -> r.route().stops().size()).sum();
            double depotKm = doc.routes().stream().mapToDouble(r -> r.route().distanceKm()).sum();
            depots.add(new RunSummary.DepotSummary(doc.depot().id(), doc.depot().name(), doc.routes().size(), depotStops,
                    round(depotKm), doc.unassigned().size(), unassignedByReason(doc), depotBlocked,
                    doc.efficiency().map(RunSummary.Efficiency::of).orElse(null), checks.countsByRule(date, doc.depot().id())));
            doc.efficiency().ifPresent(gains::add);
            passed += doc.routes().size();
            blocked += depotBlocked;
            unassigned += doc.unassigned().size();
            km += depotKm;
            used += routes.stream().map(StoredRoute::route).map(PlannedRoute::vehicleId).distinct().count();
        }
        var vehicles = fleet.vehicles(date);
        long setAside = vehicles.stream().filter(v -> !v.eligible()).count();
        var grap = conditions.grapCalendar(date, run.grapStage());
        return new RunSummary(date.toString(), run.attempt(), grap.describe(), grap.source(),
                new RunSummary.RulePackStamp(rulePack.id(), rulePack.version(), rulePack.sha256()),
                new RunSummary.Orders(files.rowsRead(date), orders.acceptedCount(date), orders.rejectedCount(date)),
                new RunSummary.Vehicles(vehicles.size(), setAside, used),
                round(km), gains.stream().reduce(dev.routeplan.planning.baseline.EfficiencyGain::plus)
                        .map(RunSummary.Efficiency::of).orElse(null), unassigned,
                new RunSummary.Compliance(passed, blocked, checks.count(date, "PASS"), checks.count(date, "FAIL"),
                        checks.count(date, "EXEMPT"), checks.count(date, "NOT_EVALUATED")),
                checks.countsByRule(date, null), depots);
    }

    private static Map<String, Long> unassignedByReason(DepotPlanDocument doc) {
        Map<String, Long> counts = new TreeMap<>();
        doc.unassigned().forEach(order -> counts.merge(order.reason().name(), 1L, Long::sum));
        return counts;
    }

    public void write(RunSummary summary, OutputStream out) {
        json.writeValue(out, summary);
    }

    private static double round(double km) {
        return Math.round(km * 10) / 10.0;
    }
}
