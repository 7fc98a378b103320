package dev.routeplan.batch.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.ingest.OrderCsvItemReader;
import dev.routeplan.batch.ingest.OrderRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;

/**
 * Whatever a sender puts in a cell comes back unchanged: any row written by a CSV library is read
 * back value for value, and the raw line kept for the reject report parses to the same values.
 */
class OrderRowRoundTripTests {

    @Property(tries = 300)
    void anyRowWrittenAsCsvIsReadBackAsWritten(@ForAll("rows") List<String> written) throws IOException {
        Path file = Files.createTempFile("orders-roundtrip", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
                printer.printRecord(OrderCsvItemReader.COLUMNS);
                printer.printRecord(written);
            }

            OrderRow read;
            try (OrderRowSource source = new OrderFiles(OrderFileSettings.DEFAULTS).open(1, "orders.csv", file)) {
                read = source.next();
                assertThat(source.next()).isNull();
            }

            assertThat(new ArrayList<>(read.values().values())).isEqualTo(written);
            assertThat(read.rowNumber()).isEqualTo(2);
            try (CSVParser raw = CSVParser.parse(read.raw(), CSVFormat.RFC4180)) {
                assertThat(raw.getRecords().get(0).toList()).isEqualTo(written);
            }
        } finally {
            Files.delete(file);
        }
    }

    /** Rows of 15 values with what breaks naive CSV: delimiters, quotes, line breaks, Devanagari, a leading '='. */
    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> text = Arbitraries.strings()
                .withChars(",\"\r\n\t =+-@;'")
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withCharRange('\u0900', '\u097F')
                .withChars("é₹“”")
                .ofMaxLength(25);
        Arbitrary<String> value = Arbitraries.oneOf(text, text.map(s -> "=" + s), text.map(s -> "=HYPERLINK(\"" + s + "\")"));
        return value.list().ofSize(OrderCsvItemReader.COLUMNS.size());
    }
}
