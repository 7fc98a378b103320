package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.store.PlanStore.StoredRoute;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.RouteStatus;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import dev.routeplan.reports.excel.PlanWorkbookWriter;
import dev.routeplan.reports.pdf.ManifestPdfWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes one depot into {@code OUTPUT/DATE/DEPOT/}: the route map, the Excel workbook and the PDF
 * driver manifests of the routes that passed compliance. Orders of blocked routes are listed as
 * unassigned with the rules that blocked them, for manual action. The depot is a revision of its
 * own ({@link PlanRevisions}): the same plan again writes nothing.
 */
class DepotPublisher {

    /** What the run's data is for every depot alike. */
    record RunData(Map<String, Vehicle> vehicles, Map<String, Order> orders, List<RejectedRow> rejected, DepotMaps maps) {
    }

    /** A depot as published, with its rows of the run-wide CSV files. */
    record DepotPublication(DepotPlanDocument document, String fingerprint, PlanRevisions.Published published,
                            List<RouteCsvRow> routeRows, List<UnassignedCsvRow> unassignedRows) {
    }

    private final PlanStore plans;
    private final ComplianceStore checks;
    private final RulePack rulePack;
    private final OutputFiles outputs;
    private final PlanRevisions revisions;

    DepotPublisher(PlanStore plans, ComplianceStore checks, RulePack rulePack, OutputFiles outputs, PlanRevisions revisions) {
        this.plans = plans;
        this.checks = checks;
        this.rulePack = rulePack;
        this.outputs = outputs;
        this.revisions = revisions;
    }

    DepotPublication publish(PlanRunParameters run, Depot depot, RunData data) throws IOException {
        PlanClock clock = new PlanClock(run.planDate());
        List<RouteDocument> passed = new ArrayList<>();
        List<RouteCsvRow> routeRows = new ArrayList<>();
        List<UnassignedOrder> unassigned = new ArrayList<>(plans.unassigned(run.planDate(), depot.id()));
        for (StoredRoute stored : plans.routes(run.planDate(), depot.id())) {
            String vehicleId = stored.route().vehicleId();
            List<Order> stopOrders = stored.route().stops().stream().map(s -> data.orders().get(s.orderId())).toList();
            if (stored.status() == RouteStatus.PASSED) {
                passed.add(new RouteDocument(data.vehicles().get(vehicleId), stored.route(), stopOrders));
                for (PlannedStop stop : stored.route().stops()) {
                    Order order = data.orders().get(stop.orderId());
                    // departure is when service ends; a driver's break after it is its own column
                    long serviceEnd = stop.serviceStartSeconds() + order.serviceSeconds();
                    routeRows.add(new RouteCsvRow(depot.id(), vehicleId, stop.sequence(), stop.orderId(),
                            clock.at(stop.arrivalSeconds()).toString(), clock.at(serviceEnd).toString(),
                            order.location().lat(), order.location().lon(), (stop.departureSeconds() - serviceEnd) / 60));
                }
            } else {
                String rules = String.join("; ", checks.hardFailures(run.planDate(), vehicleId));
                stopOrders.forEach(o -> unassigned.add(new UnassignedOrder(o.id(), depot.id(),
                        UnassignedReason.BLOCKED_BY_COMPLIANCE, "route of " + vehicleId + " blocked: " + rules)));
            }
        }
        DepotPlanDocument document = new DepotPlanDocument(run.planDate(), depot, passed, unassigned,
                rulePack.id(), rulePack.version(), plans.efficiency(run.planDate(), depot.id(), data.vehicles()).orElse(null));
        String fingerprint = PlanFingerprint.of(document);
        Path depotDir = run.runOutputDir().resolve(depot.id());
        PlanRevisions.Published published = revisions.publish(run, depot.id(), fingerprint, depotDir, into -> {
            RouteMapImage map = data.maps().of(document);
            outputs.write(run.planDate(), into.resolve("route-map-" + depot.id() + ".png"), ArtifactKind.ROUTE_MAP_PNG,
                    out -> out.write(map.png()));
            outputs.write(run.planDate(), into.resolve("plan-" + depot.id() + ".xlsx"), ArtifactKind.PLAN_XLSX,
                    out -> new PlanWorkbookWriter().write(document, map, data.rejected(), out));
            outputs.write(run.planDate(), into.resolve("manifests-" + depot.id() + ".pdf"), ArtifactKind.MANIFEST_PDF,
                    out -> new ManifestPdfWriter().write(document, map, out));
        });
        return new DepotPublication(document, fingerprint, published, routeRows,
                unassigned.stream().map(UnassignedCsvRow::of).toList());
    }
}
