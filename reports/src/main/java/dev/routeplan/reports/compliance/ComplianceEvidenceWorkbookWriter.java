package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.CellStyles;
import dev.routeplan.reports.excel.SheetNames;
import dev.routeplan.reports.excel.SheetTable;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the evidence behind a compliance run as an XLSX workbook for compliance officers: a
 * "Summary" sheet with the run's facts (rule pack, its hash and how to redo it, the travel model)
 * and the counts per rule with each rule's legal source, a "Checks" sheet with every check of
 * every route, evidence JSON included, to filter and sort, a "Legs" sheet with every leg's times
 * and positions, and "Vehicles set aside" with every vehicle that did not run and why.
 *
 * <p>Streams through {@link SXSSFWorkbook}, so a night with tens of thousands of checks never
 * holds the whole workbook in memory. Every text cell goes through
 * {@link dev.routeplan.planning.csv.SafeCellText} (messages and evidence can start like a
 * formula). Stateless and safe to share between threads.
 */
public final class ComplianceEvidenceWorkbookWriter {

    /** Rows kept in memory per sheet; older rows go to (compressed) temp files. */
    private static final int ROW_WINDOW = 100;

    /** Writes the workbook to {@code out} and leaves {@code out} open: the caller owns it. */
    public void write(ComplianceReport report, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
        try {
            wb.setCompressTempFiles(true);
            CellStyles styles = CellStyles.of(wb);
            SheetNames names = new SheetNames();
            String summary = names.claim(ComplianceSummarySheet.NAME);
            String checks = names.claim(ChecksSheet.NAME);
            String legs = names.claim(LegsSheet.NAME);
            String setAside = names.claim(SetAsideSheet.NAME);

            ComplianceSummarySheet.write(report, new SheetTable(wb.createSheet(summary), styles));
            ChecksSheet.write(report, new SheetTable(wb.createSheet(checks), styles));
            LegsSheet.write(report, new SheetTable(wb.createSheet(legs), styles));
            SetAsideSheet.write(report, new SheetTable(wb.createSheet(setAside), styles));
            wb.write(out);
        } finally {
            wb.dispose(); // deletes the temp files even when writing failed half-way
            wb.close();
        }
    }
}
