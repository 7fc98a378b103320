package dev.routeplan.batch.publish;

import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.reports.excel.SafeCellText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the run's CSV outputs; text passes the spreadsheet formula guard, since planners open these in Excel. */
final class CsvOutput {

    private CsvOutput() {
    }

    static OutputFiles.Content of(List<String> header, List<? extends CsvRow> rows) {
        return out -> write(out, header, rows);
    }

    private static void write(OutputStream out, List<String> header, List<? extends CsvRow> rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        printer.printRecord(header);
        for (CsvRow row : rows) {
            printer.printRecord(row.fields().stream().map(v -> v instanceof String s ? SafeCellText.of(s) : v).toList());
        }
        printer.flush();
    }
}
