package dev.routeplan.batch.ingest;

import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.OrderReject;
import dev.routeplan.planning.csv.CsvTable;
import dev.routeplan.reports.excel.RejectsWorkbookWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

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
        outputs.write(planDate, dir.resolve(fileName + ".rejects.csv"), ArtifactKind.REJECTS_CSV,
                out -> CsvTable.writeOutput(out, header, rows));
        outputs.write(planDate, dir.resolve(fileName + ".rejects.xlsx"), ArtifactKind.REJECTS_XLSX,
                out -> new RejectsWorkbookWriter().write(header, rows, out));
    }

    private static List<String> originalFields(String raw) throws IOException {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(raw))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
    }
}
