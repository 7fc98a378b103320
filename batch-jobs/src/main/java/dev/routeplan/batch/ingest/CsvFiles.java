package dev.routeplan.batch.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.io.input.BOMInputStream;

/** Opens input CSV files one way everywhere: UTF-8 with or without BOM, a header row, names matched case-insensitively. */
public final class CsvFiles {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvFiles() {
    }

    public static CSVParser open(Path file) throws IOException {
        Reader reader = new InputStreamReader(BOMInputStream.builder().setPath(file).get(), StandardCharsets.UTF_8);
        return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    }

    /** The CSV text of a record's fields, as the sender wrote them, for the reject report. */
    public static String raw(Iterable<String> values) {
        return CSVFormat.RFC4180.format(toArray(values));
    }

    private static Object[] toArray(Iterable<String> values) {
        java.util.List<Object> list = new java.util.ArrayList<>();
        values.forEach(list::add);
        return list.toArray();
    }
}
