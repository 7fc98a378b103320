package dev.routeplan.batch.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.ingest.OrderRow;
import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XLSX orders files: streamed, cells as the sender sees them, formulas never evaluated, unsafe workbooks refused. */
class OrderFilesXlsxTests {

    @TempDir
    Path dir;

    private final OrderFiles files = new OrderFiles(OrderFileSettings.DEFAULTS);
    private Path good;

    /** Sheet "Orders": two orders in rows 2 and 4, row 3 left blank. */
    @BeforeEach
    void writeAGoodWorkbook() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Orders");
        Workbooks.header(sheet);
        CellStyle time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("hh:mm"));
        orderRow(sheet, 1, "ORD-1", time);
        orderRow(sheet, 3, "ORD-2", time);
        Row formulas = sheet.getRow(1);
        formulas.createCell(1).setCellFormula("CONCATENATE(\"Asha\",\" Gupta\")");
        formulas.createCell(3).setCellFormula("HYPERLINK(\"http://evil.example/\",\"12 Lajpat Nagar\")");
        sheet.getRow(3).createCell(3).setCellValue("=HYPERLINK(\"http://evil.example/\",\"Click\")");
        // cached results, as Excel stores them on save; the reader must use these and never evaluate
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        good = Workbooks.save(workbook, dir.resolve("good.xlsx"));
    }

    private static void orderRow(Sheet sheet, int index, String orderId, CellStyle time) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(orderId);
        row.createCell(1).setCellValue("Ravi Kumar");
        row.createCell(2).setCellValue("9810012345");
        row.createCell(3).setCellValue("Karol Bagh");
        row.createCell(4).setCellValue(110005);
        row.createCell(5).setCellValue(28.5677);
        row.createCell(6).setCellValue(77.24331234567);
        row.createCell(7).setCellValue(12.5);
        row.createCell(8).setCellValue(0.2);
        row.createCell(9).setCellValue(9.0 / 24);
        row.getCell(9).setCellStyle(time);
        row.createCell(10).setCellValue("12:00");
        row.createCell(11).setCellValue(10);
        row.createCell(12).setCellValue(3);
        row.createCell(13).setCellValue("D1");
        row.createCell(14).setCellValue("GENERAL");
    }

    @Test
    void readsCellsAsTheSenderTypedOrSeesThem() {
        List<OrderRow> rows = readAll(files, good);

        OrderRow first = rows.get(0);
        assertThat(first.values()).containsEntry("order_id", "ORD-1")
                .containsEntry("pincode", "110005")
                .containsEntry("lat", "28.5677")
                .containsEntry("lon", "77.24331234567")
                .containsEntry("weight_kg", "12.5")
                .containsEntry("window_start", "09:00")
                .containsEntry("window_end", "12:00")
                .containsEntry("service_minutes", "10");
        assertThat(first.raw()).startsWith("ORD-1,Asha Gupta,9810012345,12 Lajpat Nagar,110005,28.5677,");
    }

    @Test
    void readsASecondWindowFromTimeCellsAndLeavesItEmptyWhereTheRowHasNone() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Orders");
        Workbooks.header(sheet);
        sheet.getRow(0).createCell(15).setCellValue("window2_start");
        sheet.getRow(0).createCell(16).setCellValue("window2_end");
        CellStyle time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("hh:mm"));
        orderRow(sheet, 1, "ORD-1", time);
        orderRow(sheet, 2, "ORD-2", time);
        sheet.getRow(1).createCell(15).setCellValue(16.0 / 24);
        sheet.getRow(1).getCell(15).setCellStyle(time);
        sheet.getRow(1).createCell(16).setCellValue("18:00");
        Path twoWindows = Workbooks.save(workbook, dir.resolve("two-windows.xlsx"));

        List<OrderRow> rows = readAll(files, twoWindows);

        assertThat(rows.get(0).values()).containsEntry("window2_start", "16:00").containsEntry("window2_end", "18:00");
        assertThat(rows.get(1).values()).containsEntry("window2_start", "").containsEntry("window2_end", "");
    }

    @Test
    void numbersRowsAsTheSpreadsheetShowsThemSkippingBlankRows() {
        List<OrderRow> rows = readAll(files, good);

        assertThat(rows).extracting(OrderRow::rowNumber).containsExactly(2, 4);
        assertThat(files.inspect(1, "good.xlsx", good).dataRows()).isEqualTo(2);
    }

    @Test
    void givesTheCachedResultOfAFormulaAndTextThatLooksLikeOneAsWritten() {
        List<OrderRow> rows = readAll(files, good);

        assertThat(rows.get(0).value("customer_name")).isEqualTo("Asha Gupta");
        assertThat(rows.get(0).value("address")).isEqualTo("12 Lajpat Nagar");
        assertThat(rows.get(1).value("address")).isEqualTo("=HYPERLINK(\"http://evil.example/\",\"Click\")");
    }

    @Test
    void readsTheFirstSheetUnlessOneIsNamed() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Orders for Monday, see next sheet");
        Sheet orders = workbook.createSheet("Orders");
        Workbooks.header(orders);
        orders.createRow(1).createCell(0).setCellValue("ORD-9");
        Path twoSheets = Workbooks.save(workbook, dir.resolve("two-sheets.xlsx"));

        OrderFiles named = new OrderFiles(new OrderFileSettings(Long.MAX_VALUE, Map.of(), "orders"));
        assertThat(readAll(named, twoSheets)).extracting(r -> r.value("order_id")).containsExactly("ORD-9");
        assertThatThrownBy(() -> files.inspect(1, "two-sheets.xlsx", twoSheets))
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.MISSING_COLUMNS);
        OrderFiles missing = new OrderFiles(new OrderFileSettings(Long.MAX_VALUE, Map.of(), "Deliveries"));
        assertThatThrownBy(() -> missing.inspect(1, "two-sheets.xlsx", twoSheets))
                .hasMessageContaining("has no sheet \"Deliveries\"; its sheets are Notes, Orders")
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.MISSING_SHEET);
    }

    @Test
    void refusesAZipBomb() throws Exception {
        // 20 MB of one letter deflates to about 20 KB: a ratio no real sheet has
        Path bomb = Workbooks.withFirstSheet(good, "", "a".repeat(20_000_000), dir.resolve("bomb.xlsx"));

        assertThatThrownBy(() -> files.inspect(1, "bomb.xlsx", bomb))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("bomb.xlsx")
                .hasMessageContaining("Zip bomb")
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.UNSAFE_XLSX);
    }

    @Test
    void refusesASheetWithADoctypeAndNeverResolvesItsEntities() throws Exception {
        Path xxe = Workbooks.withFirstSheet(good, "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>",
                "&secret;", dir.resolve("xxe.xlsx"));

        assertThatThrownBy(() -> files.inspect(1, "xxe.xlsx", xxe))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("xxe.xlsx")
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:")
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.UNSAFE_XLSX);
    }

    @Test
    void refusesAZipThatIsNoWorkbook() throws Exception {
        Path notAWorkbook = Workbooks.withEntry(good, "[Content_Types].xml", "not xml".getBytes(StandardCharsets.UTF_8),
                dir.resolve("broken.xlsx"));

        assertThatThrownBy(() -> files.inspect(1, "broken.xlsx", notAWorkbook))
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.UNREADABLE_XLSX);
    }

    @Test
    void closingEarlyStopsTheReading() {
        try (OrderRowSource source = files.open(1, "good.xlsx", good)) {
            assertThat(source.next()).isNotNull();
        }
        // nothing left running: the same file opens again and reads to its end
        assertThat(readAll(files, good)).hasSize(2);
    }

    static List<OrderRow> readAll(OrderFiles files, Path path) {
        List<OrderRow> rows = new ArrayList<>();
        try (OrderRowSource source = files.open(1, path.getFileName().toString(), path)) {
            for (OrderRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
