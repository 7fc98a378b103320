package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.publish.DepotPublisher.DepotPublication;
import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.compliance.ComplianceEvidenceWorkbookWriter;
import dev.routeplan.reports.compliance.ComplianceReport;
import dev.routeplan.reports.compliance.ComplianceReportPdfWriter;
import dev.routeplan.reports.excel.RunWorkbookWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Publishes the run-wide files into {@code OUTPUT/DATE/}: the workbook of all depots,
 * {@code routes.csv}, {@code unassigned.csv}, {@code rejects.csv}, {@code vehicles-set-aside.csv},
 * {@code summary.json} and the compliance report (PDF and evidence workbook), as one revision of their own.
 */
class RunPublisher {

    /** The run as published, with the summary its metrics are taken from. */
    record RunPublication(RunSummary summary, PlanRevisions.Published published) {
    }

    private final OutputFiles outputs;
    private final RunSummaryWriter summaries;
    private final ComplianceReportAssembler complianceReports;
    private final PlanRevisions revisions;

    RunPublisher(OutputFiles outputs, RunSummaryWriter summaries, ComplianceReportAssembler complianceReports,
                 PlanRevisions revisions) {
        this.outputs = outputs;
        this.summaries = summaries;
        this.complianceReports = complianceReports;
        this.revisions = revisions;
    }

    RunPublication publish(PlanRunParameters run, List<DepotPublication> depots, List<RejectedRow> rejected, DepotMaps maps)
            throws IOException {
        Path dir = run.runOutputDir();
        List<DepotPlanDocument> documents = depots.stream().map(DepotPublication::document).toList();
        List<RouteCsvRow> routeRows = depots.stream().flatMap(d -> d.routeRows().stream()).toList();
        List<UnassignedCsvRow> unassignedRows = depots.stream().flatMap(d -> d.unassignedRows().stream()).toList();
        List<RejectCsvRow> rejectRows = rejected.stream().map(RejectCsvRow::of).toList();
        ComplianceReport report = complianceReports.assemble(run);
        RunSummary summary = summaries.summarise(run, documents);
        String fingerprint = PlanFingerprint.ofRun(depots.stream().map(DepotPublication::fingerprint).toList(),
                rejectRows, report, summary);
        PlanRevisions.Published published = revisions.publish(run, PlanRevisionStore.RUN_WIDE, fingerprint, dir, into -> {
            outputs.write(run.planDate(), into.resolve("plan-all-depots.xlsx"), ArtifactKind.RUN_PLAN_XLSX,
                    out -> new RunWorkbookWriter().write(documents, maps.of(documents), rejected, out));
            outputs.write(run.planDate(), into.resolve("routes.csv"), ArtifactKind.ROUTES_CSV,
                    CsvOutput.of(RouteCsvRow.HEADER, routeRows));
            outputs.write(run.planDate(), into.resolve("unassigned.csv"), ArtifactKind.UNASSIGNED_CSV,
                    CsvOutput.of(UnassignedCsvRow.HEADER, unassignedRows));
            outputs.write(run.planDate(), into.resolve("rejects.csv"), ArtifactKind.REJECTS_CSV,
                    CsvOutput.of(RejectCsvRow.HEADER, rejectRows));
            outputs.write(run.planDate(), into.resolve("vehicles-set-aside.csv"), ArtifactKind.VEHICLES_SET_ASIDE_CSV,
                    CsvOutput.of(SetAsideCsvRow.HEADER, report.setAside().stream().map(SetAsideCsvRow::new).toList()));
            outputs.write(run.planDate(), into.resolve("compliance-report.pdf"), ArtifactKind.COMPLIANCE_PDF,
                    out -> new ComplianceReportPdfWriter().write(report, out));
            outputs.write(run.planDate(), into.resolve("compliance-evidence.xlsx"), ArtifactKind.COMPLIANCE_XLSX,
                    out -> new ComplianceEvidenceWorkbookWriter().write(report, out));
            outputs.write(run.planDate(), into.resolve("summary.json"), ArtifactKind.SUMMARY_JSON,
                    out -> summaries.write(summary, out));
        });
        return new RunPublication(summary, published);
    }
}
