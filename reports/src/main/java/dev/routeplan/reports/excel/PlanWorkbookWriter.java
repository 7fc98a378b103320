package dev.routeplan.reports.excel;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a depot's published plan as an XLSX workbook for planners: a "Summary" sheet, one sheet
 * per route named after its vehicle, and an "Unassigned" sheet.
 *
 * <p>Streams through {@link SXSSFWorkbook} so a depot with thousands of stops never holds the
 * whole workbook in memory. Stateless and safe to share between threads.
 */
public final class PlanWorkbookWriter {

    /** Rows kept in memory per sheet; older rows go to (compressed) temp files. */
    private static final int ROW_WINDOW = 100;

    /** Writes the workbook to {@code out} and leaves {@code out} open: the caller owns it. */
    public void write(DepotPlanDocument doc, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
        try {
            // plans carry customer addresses; compressed temp files leak less and use less disk
            wb.setCompressTempFiles(true);
            CellStyles styles = CellStyles.of(wb);
            SheetNames names = new SheetNames();
            String summary = names.claim(SummarySheet.NAME);
            String unassigned = names.claim(UnassignedSheet.NAME);
            names.claim("History"); // reserved by Excel for change tracking

            SummarySheet.write(doc, new SheetTable(wb.createSheet(summary), styles));
            for (RouteDocument route : doc.routes()) {
                String name = names.claim(route.vehicle().id());
                RouteSheet.write(doc, route, new SheetTable(wb.createSheet(name), styles));
            }
            UnassignedSheet.write(doc, new SheetTable(wb.createSheet(unassigned), styles));
            wb.write(out);
        } finally {
            wb.dispose(); // deletes the temp files even when writing failed half-way
            wb.close();
        }
    }
}
