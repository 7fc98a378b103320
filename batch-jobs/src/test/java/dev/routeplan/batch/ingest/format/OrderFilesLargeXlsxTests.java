package dev.routeplan.batch.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.ingest.OrderRow;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sheet of 200,000 orders is read through in bounded memory: the rows are streamed, never held
 * as a workbook, and only a small queue of them is in memory at any time.
 */
class OrderFilesLargeXlsxTests {

    private static final int ORDERS = 200_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void streamsAVeryLargeSheet() throws Exception {
        Path file = dir.resolve("large.xlsx");
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet("Orders");
        Workbooks.header(sheet);
        for (int i = 1; i <= ORDERS; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue("ORD-" + i);
            row.createCell(1).setCellValue("Customer " + (i % 977));
            row.createCell(2).setCellValue(9810000000L + i);
            row.createCell(3).setCellValue("House " + i + ", Sector " + (i % 63));
            row.createCell(4).setCellValue(110001 + i % 90);
            row.createCell(5).setCellValue(28.4 + (i % 5000) / 10000.0);
            row.createCell(6).setCellValue(77.0 + (i % 7000) / 10000.0);
            for (int c = 7; c < Workbooks.HEADER.size(); c++) {
                row.createCell(c).setCellValue(c == 13 ? "D" + (i % 4) : String.valueOf(i % (c + 3)));
            }
        }
        Workbooks.save(workbook, file);
        workbook.dispose();

        long rows = 0;
        OrderRow last = null;
        try (OrderRowSource source = new OrderFiles(OrderFileSettings.DEFAULTS).open(1, "large.xlsx", file)) {
            for (OrderRow row = source.next(); row != null; row = source.next()) {
                rows++;
                last = row;
            }
        }

        assertThat(rows).isEqualTo(ORDERS);
        assertThat(last.rowNumber()).isEqualTo(ORDERS + 1);
        assertThat(last.value("order_id")).isEqualTo("ORD-" + ORDERS);
    }
}
