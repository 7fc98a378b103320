package dev.routeplan.reports.excel;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Writes a depot's published plan as an XLSX workbook for planners: a "Summary" sheet (with the
 * route map when there is one), one sheet per route named after its vehicle, an "Unassigned"
 * sheet and, when the caller hands them over, a "Rejected rows" sheet from ingest.
 *
 * <p>Streams (see {@link StreamingWorkbook}) so a depot with thousands of stops never holds the
 * whole workbook in memory. Stateless and safe to share between threads.
 */
public final class PlanWorkbookWriter {

    /**
     * The plan alone: no map and no "Rejected rows" sheet, since this caller did not say what
     * ingest refused (an empty sheet would claim nothing was). Leaves {@code out} open.
     */
    public void write(DepotPlanDocument doc, OutputStream out) throws IOException {
        writeWorkbook(doc, null, null, out);
    }

    /**
     * Writes the workbook to {@code out} and leaves {@code out} open: the caller owns it.
     *
     * @param mapOrNull    the depot's route map, placed on the summary below the route table; none when null
     * @param rejectedRows the rows ingest refused; an empty list gives a sheet that says "none"
     */
    public void write(DepotPlanDocument doc, RouteMapImage mapOrNull, List<RejectedRow> rejectedRows, OutputStream out)
            throws IOException {
        writeWorkbook(doc, mapOrNull,
                Objects.requireNonNull(rejectedRows, "rejectedRows: pass an empty list when ingest refused nothing"), out);
    }

    private static void writeWorkbook(DepotPlanDocument doc, RouteMapImage mapOrNull, List<RejectedRow> rejectedOrNull,
            OutputStream out) throws IOException {
        try (StreamingWorkbook wb = new StreamingWorkbook(SummarySheet.NAME, UnassignedSheet.NAME, RejectedRowsSheet.NAME)) {
            SummarySheet.write(doc, mapOrNull, wb.fixedSheet(SummarySheet.NAME));
            for (RouteDocument route : doc.routes()) {
                RouteSheet.write(doc, route, wb.newSheet(route.vehicle().id()));
            }
            UnassignedSheet.write(doc, wb.fixedSheet(UnassignedSheet.NAME));
            if (rejectedOrNull != null) {
                RejectedRowsSheet.write(rejectedOrNull, wb.fixedSheet(RejectedRowsSheet.NAME));
            }
            wb.writeTo(out);
        }
    }
}
