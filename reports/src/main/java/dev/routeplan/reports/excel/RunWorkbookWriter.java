package dev.routeplan.reports.excel;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a whole night's run, every depot together, as one XLSX workbook: an "Overview" sheet
 * (one line per depot, totals, each depot's route map), then each depot's route sheets named
 * "depot vehicle", one "Unassigned" sheet with a depot column and one "Rejected rows" sheet.
 *
 * <p>Uses the same sheet builders as {@link PlanWorkbookWriter}, so a route reads the same in
 * both workbooks, and streams the same way. Stateless and safe to share between threads.
 */
public final class RunWorkbookWriter {

    /**
     * Writes the workbook to {@code out} and leaves {@code out} open: the caller owns it.
     *
     * @param docs          the depots' plans, all for one plan date, in the order the overview lists them
     * @param mapsByDepotId route maps by depot id; a depot without one gets no picture
     * @param rejected      the rows ingest refused; an empty list gives a sheet that says "none"
     */
    public void write(List<DepotPlanDocument> docs, Map<String, RouteMapImage> mapsByDepotId, List<RejectedRow> rejected,
            OutputStream out) throws IOException {
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("a run workbook needs at least one depot's plan");
        }
        List<?> dates = docs.stream().map(DepotPlanDocument::planDate).distinct().toList();
        if (dates.size() != 1) {
            throw new IllegalArgumentException("a run workbook covers one plan date, got " + dates);
        }
        try (StreamingWorkbook wb = new StreamingWorkbook(OverviewSheet.NAME, UnassignedSheet.NAME, RejectedRowsSheet.NAME)) {
            OverviewSheet.write(docs, mapsByDepotId, wb.fixedSheet(OverviewSheet.NAME));
            for (DepotPlanDocument doc : docs) {
                for (RouteDocument route : doc.routes()) {
                    RouteSheet.write(doc, route, wb.newSheet(doc.depot().id() + " " + route.vehicle().id()));
                }
            }
            UnassignedSheet.writeRun(docs, wb.fixedSheet(UnassignedSheet.NAME));
            RejectedRowsSheet.write(rejected, wb.fixedSheet(RejectedRowsSheet.NAME));
            wb.writeTo(out);
        }
    }
}
