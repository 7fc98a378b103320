package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.store.PlanStore.StoredRoute;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import dev.routeplan.reports.compliance.ComplianceEvidenceWorkbookWriter;
import dev.routeplan.reports.compliance.ComplianceReport;
import dev.routeplan.reports.compliance.ComplianceReportPdfWriter;
import dev.routeplan.reports.excel.PlanWorkbookWriter;
import dev.routeplan.reports.excel.RunWorkbookWriter;
import dev.routeplan.reports.map.MapOutline;
import dev.routeplan.reports.pdf.ManifestPdfWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Publishes the date's plan: per depot into {@code OUTPUT/DATE/DEPOT/} the route map, the Excel
 * workbook and the PDF driver manifests of the routes that passed compliance; for the run into
 * {@code OUTPUT/DATE/} the workbook of all depots, {@code routes.csv}, {@code unassigned.csv}, {@code rejects.csv}, {@code summary.json} and the
 * compliance report (PDF and evidence workbook). Orders of blocked routes are listed as unassigned
 * with the rules that blocked them, for manual action. Each depot, and the run-wide files, are
 * published as revisions ({@link PlanRevisions}): the same plan again writes nothing.
 */
public class PlanPublishTasklet implements Tasklet {

    private final FleetStore fleet;
    private final OrderStore orders;
    private final PlanStore plans;
    private final ComplianceStore checks;
    private final RulePack rulePack;
    private final OutputFiles outputs;
    private final RunSummaryWriter summaries;
    private final ComplianceReportAssembler complianceReports;
    private final PlanMetrics metrics;
    private final PlanRevisions revisions;
    private final MapOutline mapOutline;

    public PlanPublishTasklet(FleetStore fleet, OrderStore orders, PlanStore plans, ComplianceStore checks,
                              RulePack rulePack, OutputFiles outputs, RunSummaryWriter summaries,
                              ComplianceReportAssembler complianceReports, PlanMetrics metrics,
                              PlanRevisions revisions, MapOutline mapOutline) {
        this.revisions = revisions;
        this.mapOutline = mapOutline;
        this.complianceReports = complianceReports;
        this.metrics = metrics;
        this.fleet = fleet;
        this.orders = orders;
        this.plans = plans;
        this.checks = checks;
        this.rulePack = rulePack;
        this.outputs = outputs;
        this.summaries = summaries;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        PlanRunParameters run = PlanRunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        Path dir = run.runOutputDir();
        PlanClock clock = new PlanClock(run.planDate());
        Map<String, Vehicle> vehicles = fleet.vehiclesById(run.planDate());
        Map<String, Order> ordersById = orders.orders(run.planDate()).stream()
                .collect(Collectors.toMap(Order::id, Function.identity()));
        List<List<Object>> routeRows = new ArrayList<>();
        List<List<Object>> unassignedRows = new ArrayList<>();
        List<DepotPlanDocument> documents = new ArrayList<>();
        List<String> depotFingerprints = new ArrayList<>();
        List<PlanRevisions.Published> published = new ArrayList<>();
        DepotMaps maps = new DepotMaps(mapOutline);
        List<RejectedRow> rejected = orders.rejects(run.planDate()).stream()
                .map(r -> new RejectedRow(r.fileName(), r.rowNumber(), r.orderId(), r.reasonCodes(), r.message())).toList();
        for (Depot depot : fleet.depots(run.planDate())) {
            List<RouteDocument> passed = new ArrayList<>();
            List<UnassignedOrder> unassigned = new ArrayList<>(plans.unassigned(run.planDate(), depot.id()));
            for (StoredRoute stored : plans.routes(run.planDate(), depot.id())) {
                List<Order> stopOrders = stored.route().stops().stream().map(s -> ordersById.get(s.orderId())).toList();
                if (PlanStore.PASSED.equals(stored.status())) {
                    passed.add(new RouteDocument(vehicles.get(stored.route().vehicleId()), stored.route(), stopOrders));
                    for (PlannedStop stop : stored.route().stops()) {
                        Order order = ordersById.get(stop.orderId());
                        // departure is when service ends; a driver's break after it is its own column
                        long serviceEnd = stop.serviceStartSeconds() + order.serviceSeconds();
                        routeRows.add(List.of(depot.id(), stored.route().vehicleId(), stop.sequence(), stop.orderId(),
                                clock.at(stop.arrivalSeconds()).toString(), clock.at(serviceEnd).toString(),
                                order.location().lat(), order.location().lon(), (stop.departureSeconds() - serviceEnd) / 60));
                    }
                } else {
                    String rules = String.join("; ", checks.hardFailures(run.planDate(), stored.route().vehicleId()));
                    stopOrders.forEach(o -> unassigned.add(new UnassignedOrder(o.id(), depot.id(),
                            UnassignedReason.BLOCKED_BY_COMPLIANCE, "route of " + stored.route().vehicleId() + " blocked: " + rules)));
                }
            }
            unassigned.forEach(u -> unassignedRows.add(List.of(u.orderId(), u.depotId(), u.reason().name(), u.detail())));
            DepotPlanDocument document = new DepotPlanDocument(run.planDate(), depot, passed, unassigned,
                    rulePack.id(), rulePack.version(), plans.efficiency(run.planDate(), depot.id()).orElse(null));
            documents.add(document);
            String fingerprint = PlanFingerprint.of(document);
            depotFingerprints.add(fingerprint);
            Path depotDir = dir.resolve(depot.id());
            published.add(revisions.publish(run, depot.id(), fingerprint, depotDir, () -> {
                RouteMapImage map = maps.of(document);
                outputs.write(run.planDate(), depotDir.resolve("route-map-" + depot.id() + ".png"), "ROUTE_MAP_PNG",
                        out -> out.write(map.png()));
                outputs.write(run.planDate(), depotDir.resolve("plan-" + depot.id() + ".xlsx"), "PLAN_XLSX",
                        out -> new PlanWorkbookWriter().write(document, map, rejected, out));
                outputs.write(run.planDate(), depotDir.resolve("manifests-" + depot.id() + ".pdf"), "MANIFEST_PDF",
                        out -> new ManifestPdfWriter().write(document, map, out));
            }));
        }
        List<List<Object>> rejectRows = rejected.stream()
                .map(r -> List.<Object>of(r.fileName(), r.rowNumber(), r.orderId() == null ? "" : r.orderId(),
                        String.join(";", r.reasonCodes()), r.message()))
                .toList();
        ComplianceReport report = complianceReports.assemble(run);
        RunSummary summary = summaries.summarise(run, documents);
        String runFingerprint = PlanFingerprint.ofRun(depotFingerprints, rejectRows, report, summary);
        published.add(revisions.publish(run, PlanRevisionStore.RUN_WIDE, runFingerprint, dir, () -> {
            outputs.write(run.planDate(), dir.resolve("plan-all-depots.xlsx"), "RUN_PLAN_XLSX",
                    out -> new RunWorkbookWriter().write(documents, maps.of(documents), rejected, out));
            outputs.write(run.planDate(), dir.resolve("routes.csv"), "ROUTES_CSV", CsvOutput.of(
                    List.of("depot_id", "vehicle_id", "seq", "order_id", "arrival", "departure", "lat", "lon", "break_minutes"),
                    routeRows));
            outputs.write(run.planDate(), dir.resolve("unassigned.csv"), "UNASSIGNED_CSV", CsvOutput.of(
                    List.of("order_id", "depot_id", "reason", "detail"), unassignedRows));
            outputs.write(run.planDate(), dir.resolve("rejects.csv"), "REJECTS_CSV", CsvOutput.of(
                    List.of("file", "row", "order_id", "reason_codes", "message"), rejectRows));
            outputs.write(run.planDate(), dir.resolve("compliance-report.pdf"), "COMPLIANCE_PDF",
                    out -> new ComplianceReportPdfWriter().write(report, out));
            outputs.write(run.planDate(), dir.resolve("compliance-evidence.xlsx"), "COMPLIANCE_XLSX",
                    out -> new ComplianceEvidenceWorkbookWriter().write(report, out));
            outputs.write(run.planDate(), dir.resolve("summary.json"), "SUMMARY_JSON", out -> summaries.write(summary, out));
        }));
        metrics.record(summary);
        List<PlanRevisions.Published> changed = published.stream().filter(PlanRevisions.Published::changed).toList();
        contribution.incrementWriteCount(changed.size());
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("summary", changed.isEmpty()
                ? "plan unchanged, nothing written to " + dir
                : changed.stream().map(p -> (PlanRevisionStore.RUN_WIDE.equals(p.depotId()) ? "run files" : p.depotId())
                        + " r" + p.revision()).collect(Collectors.joining(", ")) + " written to " + dir);
        return RepeatStatus.FINISHED;
    }
}
