package dev.routeplan.reports.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Turns a generated {@code orders.csv} into {@code orders.xlsx}, as senders who work in Excel deliver it. */
public final class OrdersWorkbook {

    private OrdersWorkbook() {
    }

    public static void convert(Path csv, Path xlsx) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.RFC4180.parse(reader);
             SXSSFWorkbook workbook = new SXSSFWorkbook(200);
             OutputStream out = Files.newOutputStream(xlsx)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet("Orders");
            int r = 0;
            for (CSVRecord record : parser) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    // text cells: the reader must see exactly what the sender typed, 09:00 and 28.567700 alike
                    row.createCell(c).setCellValue(record.get(c));
                }
            }
            workbook.write(out);
        }
    }
}
