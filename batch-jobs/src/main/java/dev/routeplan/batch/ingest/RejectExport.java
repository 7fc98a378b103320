package dev.routeplan.batch.ingest;

import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.OrderReject;
import dev.routeplan.reports.excel.SafeCellText;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Gives the sender back the rows of their file that were not taken in, as CSV and XLSX: the row
 * number, reason codes and message first, then the original row as they wrote it.
 */
public class RejectExport {

    static final List<String> HEADER = List.of("row", "order_id", "reason_codes", "message");

    private final OutputFiles outputs;

    public RejectExport(OutputFiles outputs) {
        this.outputs = outputs;
    }

    /** Writes {@code DIR/rejects/<file>.rejects.csv} and {@code .xlsx}; nothing when the file had no rejects. */
    public void export(LocalDate planDate, Path runOutputDir, String fileName, List<OrderReject> rejects) throws IOException {
        if (rejects.isEmpty()) {
            return;
        }
        Path dir = runOutputDir.resolve("rejects");
        List<List<String>> rows = new ArrayList<>();
        for (OrderReject r : rejects) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(r.rowNumber()), r.orderId() == null ? "" : r.orderId(),
                    String.join(";", r.reasonCodes()), r.message()));
            row.addAll(originalFields(r.rawContent()));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(OrderFileItemReader.COLUMNS);
        outputs.write(planDate, dir.resolve(fileName + ".rejects.csv"), ArtifactKind.REJECTS_CSV, out -> {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SafeCellText::of).toList());
            }
            printer.flush();
        });
        outputs.write(planDate, dir.resolve(fileName + ".rejects.xlsx"), ArtifactKind.REJECTS_XLSX, out -> {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
                Sheet sheet = workbook.createSheet("Rejected rows");
                writeRow(sheet.createRow(0), header);
                for (int i = 0; i < rows.size(); i++) {
                    writeRow(sheet.createRow(i + 1), rows.get(i));
                }
                sheet.createFreezePane(0, 1);
                workbook.write(out);
            }
        });
    }

    private static void writeRow(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(SafeCellText.of(values.get(c)));
        }
    }

    private static List<String> originalFields(String raw) throws IOException {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(raw))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
    }
}
