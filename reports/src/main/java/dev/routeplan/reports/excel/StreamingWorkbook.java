package dev.routeplan.reports.excel;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The streaming workbook both plan writers fill: one set of styles, one set of sheet names, and
 * temp files that are deleted however writing ends.
 *
 * <p>Only {@link #ROW_WINDOW} rows per sheet stay in memory; older ones go to compressed temp
 * files, so a run of ten thousand stops costs no more heap than a run of a hundred.
 */
final class StreamingWorkbook implements AutoCloseable {

    /** Rows kept in memory per sheet; older rows go to (compressed) temp files. */
    static final int ROW_WINDOW = 100;

    private final SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
    private final CellStyles styles;
    private final SheetNames names = new SheetNames();

    /** Reserves {@code fixedNames} first, so no vehicle id can take the name of a fixed sheet. */
    StreamingWorkbook(String... fixedNames) {
        // plans carry customer addresses; compressed temp files leak less and use less disk
        wb.setCompressTempFiles(true);
        styles = CellStyles.of(wb);
        for (String name : fixedNames) {
            names.claim(name);
        }
        names.claim("History"); // reserved by Excel for change tracking
    }

    /** A sheet under a name already reserved by the constructor. */
    SheetTable fixedSheet(String name) {
        return table(name);
    }

    /** A sheet under {@code wanted} made safe and unique. */
    SheetTable newSheet(String wanted) {
        return table(names.claim(wanted));
    }

    private SheetTable table(String name) {
        Sheet sheet = wb.createSheet(name);
        // planners print route sheets for drivers: landscape, all columns on one page width
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        return new SheetTable(sheet, styles);
    }

    /** Writes the workbook to {@code out} and leaves {@code out} open: the caller owns it. */
    void writeTo(OutputStream out) throws IOException {
        wb.write(out);
    }

    @Override
    public void close() throws IOException {
        wb.dispose(); // deletes the temp files even when writing failed half-way
        wb.close();
    }
}
