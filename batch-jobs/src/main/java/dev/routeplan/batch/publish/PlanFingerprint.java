package dev.routeplan.batch.publish;

import dev.routeplan.planning.digest.Sha256;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.compliance.ComplianceReport;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a plan says, as a SHA-256 over a canonical text, to tell a changed plan from the same plan
 * published again. The files' own bytes cannot tell: workbooks and PDFs carry the time they were
 * written. So the text is built from the data the files are written from, leaving out only when
 * (checked at) and by which attempt: every value is a record whose {@code toString} lists its
 * fields in declaration order.
 */
final class PlanFingerprint {

    /**
     * Not the application's mapper: the text must come out the same whatever the application's
     * Jackson settings, or a configuration change would make every stored fingerprint differ and
     * republish unchanged plans. Map entries are sorted so their order never changes the hash.
     */
    private static final JsonMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private PlanFingerprint() {
    }

    /** A depot's workbook and manifests: its routes with vehicles, stops and orders, unassigned orders, rule pack, efficiency. */
    static String of(DepotPlanDocument document) {
        StringBuilder text = new StringBuilder()
                .append("date ").append(document.planDate()).append('\n')
                .append("depot ").append(document.depot()).append('\n')
                .append("rules ").append(document.rulePackId()).append(' ').append(document.rulePackVersion()).append('\n')
                .append("efficiency ").append(document.efficiencyVsBaseline()).append('\n');
        for (RouteDocument route : document.routes()) {
            text.append("vehicle ").append(route.vehicle()).append('\n')
                    .append("route ").append(route.route()).append('\n');
            route.orders().forEach(order -> text.append("order ").append(order).append('\n'));
        }
        document.unassigned().forEach(u -> text.append("unassigned ").append(u).append('\n'));
        return Sha256.hex(text.toString());
    }

    /**
     * The run-wide files: each depot's fingerprint (routes.csv and unassigned.csv are made of the
     * same data), the rejected rows, the compliance report without its time, and the summary
     * without the attempt number.
     */
    static String ofRun(List<String> depotFingerprints, List<RejectCsvRow> rejectRows, ComplianceReport report,
                        RunSummary summary) {
        // the rows as lists of their values, the text the fingerprints of published revisions were made from
        List<List<Object>> rejects = rejectRows.stream().map(RejectCsvRow::fields).toList();
        ObjectNode reportTree = CANONICAL_JSON.valueToTree(report);
        reportTree.remove("checkedAt");
        ObjectNode summaryTree = CANONICAL_JSON.valueToTree(summary);
        summaryTree.remove("attempt");
        return Sha256.hex("depots " + depotFingerprints + "\nrejects " + rejects + "\nreport "
                + CANONICAL_JSON.writeValueAsString(reportTree) + "\nsummary " + CANONICAL_JSON.writeValueAsString(summaryTree));
    }
}
