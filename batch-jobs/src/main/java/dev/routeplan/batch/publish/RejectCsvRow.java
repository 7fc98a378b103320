package dev.routeplan.batch.publish;

import dev.routeplan.reports.RejectedRow;
import java.util.List;

/** A row of an orders file that was not taken in, as {@code rejects.csv} lists it. */
record RejectCsvRow(String file, int row, String orderId, String reasonCodes, String message) implements CsvRow {

    static final List<String> HEADER = List.of("file", "row", "order_id", "reason_codes", "message");

    static RejectCsvRow of(RejectedRow rejected) {
        return new RejectCsvRow(rejected.fileName(), rejected.rowNumber(),
                rejected.orderId() == null ? "" : rejected.orderId(), String.join(";", rejected.reasonCodes()),
                rejected.message());
    }

    @Override
    public List<Object> fields() {
        return List.of(file, row, orderId, reasonCodes, message);
    }
}
