package dev.routeplan.batch.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.ingest.InputFileException;
import dev.routeplan.batch.ingest.OrderFileItemReader;
import dev.routeplan.batch.ingest.OrderRow;
import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The files in {@code ingest-corpus/} and what becomes of each: taken in with so many data rows,
 * or refused whole with a reason the sender can act on.
 */
class OrderFilesCorpusTests {

    private final OrderFiles files = new OrderFiles(OrderFileSettings.DEFAULTS);

    @ParameterizedTest(name = "{0} has {1} data rows")
    @CsvSource({
            "good.csv,                   2",
            "header-only.csv,            0",
            "quoted-with-bom.csv,        2",
            "headers-case-and-alias.csv, 1",
            "formula-looking-values.csv, 1",
            "good.csv.gz,                200",
    })
    void takesInAFileWithItsDataRows(String file, long dataRows) {
        assertThat(files.inspect(1, file, corpus(file)).dataRows()).isEqualTo(dataRows);
        assertThat(readAll(file)).hasSize((int) dataRows);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "empty.csv,                  EMPTY_FILE",
            "semicolon-delimiter.csv,    WRONG_DELIMITER",
            "tab-delimiter.csv,          WRONG_DELIMITER",
            "missing-columns.csv,        MISSING_COLUMNS",
            "latin1.csv,                 NOT_UTF8",
            "binary-garbage.csv,         BINARY_CONTENT",
            "pdf-renamed.csv,            BINARY_CONTENT",
            "unterminated-quote.csv,     MALFORMED_CSV",
            "text-after-quote.csv,       MALFORMED_CSV",
            "truncated.csv.gz,           TRUNCATED_GZIP",
            "plain-text-named.csv.gz,    WRONG_FORMAT",
            "text-named.xlsx,            WRONG_FORMAT",
            "utf16.csv,                  NOT_UTF8",
            "nothing-inside.csv.gz,      EMPTY_FILE",
            "blank-lines-only.csv,       EMPTY_FILE",
    })
    void refusesAFileThatCannotBeTakenIn(String file, Reason reason) {
        assertThatThrownBy(() -> files.inspect(1, file, corpus(file)))
                .isInstanceOf(UnreadableFileException.class)
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(file)
                .extracting(e -> ((UnreadableFileException) e).reasonCode()).isEqualTo(reason.name());
    }

    @Test
    void namesTheDelimiterTheSenderUsed() {
        assertThatThrownBy(() -> files.inspect(1, "semicolon-delimiter.csv", corpus("semicolon-delimiter.csv")))
                .hasMessageContaining("the header uses ';' as delimiter; expected ','");
    }

    @Test
    void namesTheMissingColumnsInTheHeaderRow() {
        assertThatThrownBy(() -> files.open(1, "missing-columns.csv", corpus("missing-columns.csv")))
                .hasMessage("missing-columns.csv row 1 field lat,lon: missing column(s); expected header "
                        + String.join(",", OrderFileItemReader.COLUMNS));
    }

    @Test
    void namesTheLineThatIsNotUtf8() {
        assertThatThrownBy(() -> files.inspect(1, "latin1.csv", corpus("latin1.csv")))
                .hasMessageStartingWith("latin1.csv row 3: line 3 is not UTF-8 (byte 0xE9");
    }

    @Test
    void refusesAFileAboveTheSizeLimitWithoutReadingIt() {
        OrderFiles small = new OrderFiles(new OrderFileSettings(100, Map.of(), ""));

        assertThatThrownBy(() -> small.inspect(1, "good.csv", corpus("good.csv")))
                .hasMessage("good.csv: is 344 bytes, above the limit of 100 bytes");
    }

    @Test
    void stopsAtARowThatNeverEndsInsteadOfReadingTheRestOfTheFileIntoIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("open-quote.csv");
        Files.writeString(file, String.join(",", OrderFileItemReader.COLUMNS) + "\nORD-1,\"Asha\n"
                + "ORD-2,Ravi,9810012345\n".repeat(200_000));

        assertThatThrownBy(() -> files.inspect(1, "open-quote.csv", file))
                .hasMessageStartingWith("open-quote.csv row 2: a row runs on for more than 1048576 characters")
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.MALFORMED_CSV);
    }

    @Test
    void setsAsideJustARowLongerThanTheLimitAndReadsTheRowsAfterIt(@TempDir Path dir) throws Exception {
        // one unquoted address past the limit, then a quoted one that runs over lines and closes
        String good = "ORD-%d,Asha,9810012345,Karol Bagh,110005,28.65,77.19,8,0.1,10:00,13:00,5,2,D1,MILK\n";
        Path file = dir.resolve("long-rows.csv");
        Files.writeString(file, String.join(",", OrderFileItemReader.COLUMNS) + "\n" + good.formatted(2)
                + "ORD-3,Ravi,9810012346," + "x".repeat(CsvSheetRows.MAX_ROW_CHARS + 10) + ",110005\n"
                + good.formatted(4)
                + "ORD-5,Ravi,9810012346,\"" + "a \"\"b\"\", c\r\n".repeat(CsvSheetRows.MAX_ROW_CHARS / 10) + "\",110005\r\n"
                + "\n" + good.formatted(6));

        assertThat(files.inspect(1, "long-rows.csv", file).dataRows()).isEqualTo(5);
        List<OrderRow> rows = readAll(file, "long-rows.csv");
        assertThat(rows).extracting(OrderRow::rowNumber).containsExactly(2, 3, 4, 5, 6);
        assertThat(rows).extracting(OrderRow::tooLongField).containsExactly(null, "address", null, "address", null);
        assertThat(rows).filteredOn(row -> row.tooLongField() == null).extracting(row -> row.value("order_id"))
                .containsExactly("ORD-2", "ORD-4", "ORD-6");
        assertThat(rows.get(4).values()).containsEntry("depot_id", "D1").containsEntry("goods_type", "MILK");
    }

    @Test
    void keepsARowOfVeryLongValuesShortenedForItsRejectAsCsvThatReadsBack(@TempDir Path dir) throws Exception {
        String address = "Gali \"7\", Sadar Bazar\n".repeat(1_000);
        Path file = dir.resolve("long-values.csv");
        Files.writeString(file, String.join(",", OrderFileItemReader.COLUMNS) + "\nORD-1,Asha,,\""
                + address.replace("\"", "\"\"") + "\",110005\n");

        OrderRow row = readAll(file, "long-values.csv").get(0);

        assertThat(row.values()).containsEntry("address", address);
        assertThat(row.raw()).hasSizeLessThan(2_900);
        try (var parser = org.apache.commons.csv.CSVParser.parse(row.raw(), org.apache.commons.csv.CSVFormat.RFC4180)) {
            assertThat(parser.getRecords().get(0).toList())
                    .containsExactly("ORD-1", "Asha", "", address.substring(0, 200) + "…", "110005");
        }
    }

    @Test
    void refusesAFileWhoseLongRowOpensAQuoteThatNeverCloses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("open-quote.csv");
        Files.writeString(file, String.join(",", OrderFileItemReader.COLUMNS) + "\nORD-1,Asha\nORD-2,\"Ravi\n"
                + "x".repeat(CsvSheetRows.MAX_ROW_CHARS) + "\nORD-3,Mohan\n");

        assertThatThrownBy(() -> files.inspect(1, "open-quote.csv", file))
                .hasMessage("open-quote.csv row 3: a row runs on for more than 1048576 characters (a quote not closed?)");
    }

    @Test
    void refusesANameOfAnotherFormat() {
        assertThatThrownBy(() -> files.inspect(1, "orders.xls", corpus("good.csv")))
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
    }

    @Test
    void choosesTheFormatByTheSendersNameNotTheStagedPath() {
        // staged as "good.csv.gz" but sent as "orders.CSV.GZ"
        assertThat(files.inspect(1, "orders.CSV.GZ", corpus("good.csv.gz")).dataRows()).isEqualTo(200);
    }

    @Test
    void readsQuotedCommasQuotesAndLineBreaksAfterAByteOrderMark() {
        List<OrderRow> rows = readAll("quoted-with-bom.csv");

        OrderRow first = rows.get(0);
        assertThat(first.value("order_id")).isEqualTo("ORD-3");
        assertThat(first.value("customer_name")).isEqualTo("Sharma, \"Bittu\" Traders");
        assertThat(first.value("address")).isEqualTo("Shop 4,\nChandni Chowk");
        assertThat(first.rowNumber()).isEqualTo(2);
        assertThat(first.raw()).startsWith("ORD-3,\"Sharma, \"\"Bittu\"\" Traders\",9810012347,\"Shop 4,\nChandni Chowk\",");
        assertThat(rows.get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void matchesHeadersInAnyCaseAndThroughAliases() {
        OrderRow row = readAll("headers-case-and-alias.csv").get(0);

        // header "LATITUDE" and " LONGITUDE " stand for lat and lon
        assertThat(row.values()).containsEntry("lat", "28.6519").containsEntry("lon", "77.1909")
                .containsEntry("order_id", "ORD-2").containsEntry("goods_type", "MILK");
        assertThat(row.values().keySet()).containsAll(OrderFileItemReader.COLUMNS)
                .containsAll(OrderFileItemReader.OPTIONAL_COLUMNS)
                .hasSize(OrderFileItemReader.COLUMNS.size() + OrderFileItemReader.OPTIONAL_COLUMNS.size());
    }

    @Test
    void keepsAValueThatLooksLikeAFormulaAsLiteralText() {
        OrderRow row = readAll("formula-looking-values.csv").get(0);

        assertThat(row.value("customer_name")).isEqualTo("=HYPERLINK(\"http://evil.example/\",\"Click\")");
        assertThat(row.value("address")).isEqualTo("+91 Addr");
    }

    @Test
    void readsGzipCompressedCsvLikePlainCsv() {
        List<OrderRow> rows = readAll("good.csv.gz");

        assertThat(rows.get(199).value("order_id")).isEqualTo("ORD-200");
        assertThat(rows.get(199).rowNumber()).isEqualTo(201);
    }

    private List<OrderRow> readAll(String file) {
        return readAll(corpus(file), file);
    }

    private List<OrderRow> readAll(Path path, String file) {
        List<OrderRow> rows = new ArrayList<>();
        try (OrderRowSource source = files.open(7, file, path)) {
            for (OrderRow row = source.next(); row != null; row = source.next()) {
                assertThat(row.fileId()).isEqualTo(7);
                assertThat(row.fileName()).isEqualTo(file);
                rows.add(row);
            }
        }
        return rows;
    }

    static Path corpus(String file) {
        try {
            return Path.of(OrderFilesCorpusTests.class.getResource("/ingest-corpus/" + file).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("no corpus file " + file, e);
        }
    }
}
