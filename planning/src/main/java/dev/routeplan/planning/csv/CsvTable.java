package dev.routeplan.planning.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The project's one way of writing CSV: RFC 4180, UTF-8 without BOM, LF line ends, a header row,
 * a field quoted only when it must be. Outputs that planners open in a spreadsheet go through
 * {@link #writeOutput}, whose text values pass {@link SafeCellText}; input files the project
 * generates (sample scenarios) are written as they are by {@link #text}.
 */
public final class CsvTable {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvTable() {
    }

    /** Writes a published file: text values guarded against formula injection, numbers as they are. */
    public static void writeOutput(OutputStream out, List<String> header, List<? extends List<?>> rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(header);
        for (List<?> row : rows) {
            printer.printRecord(row.stream().map(v -> v instanceof String s ? SafeCellText.of(s) : v).toList());
        }
        printer.flush();
    }

    /** The text of a file the project feeds to itself, values unchanged ({@code null} as empty). */
    public static String text(List<String> header, List<? extends List<?>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a string", e);
        }
        return text.toString();
    }
}
