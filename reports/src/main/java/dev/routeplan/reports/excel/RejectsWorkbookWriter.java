package dev.routeplan.reports.excel;

import dev.routeplan.planning.csv.SafeCellText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The rows of an orders file that were not taken in, given back to its sender as one sheet of text
 * with the header frozen. Streams, so a file of a hundred thousand rejects does not fill the heap.
 */
public class RejectsWorkbookWriter {

    public void write(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Rejected rows");
            writeRow(sheet.createRow(0), header);
            for (int i = 0; i < rows.size(); i++) {
                writeRow(sheet.createRow(i + 1), rows.get(i));
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }

    private static void writeRow(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(SafeCellText.of(values.get(c)));
        }
    }
}
