package dev.routeplan.batch.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.ingest.OrderRow;
import dev.routeplan.batch.ingest.format.OrderFileSettings;
import dev.routeplan.batch.ingest.format.OrderFiles;
import dev.routeplan.batch.ingest.format.OrderRowSource;
import dev.routeplan.batch.ingest.format.UnreadableFileException;
import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import dev.routeplan.batch.privacy.StagedInputScrubber.Scrubbed;
import dev.routeplan.planning.domain.IndianMobile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a person from staged orders files: their name, address and phone go from every row with
 * their number, and nothing else about the file changes.
 */
class StagedInputScrubberTests {

    private static final Path SAMPLE = Path.of("../samples/orders.csv");
    /** ORD-0001 in the sample, Kapoor Dairy; the only row with this number. */
    private static final String PERSON = "+919849609920";
    private static final String NAME = "Kapoor Dairy";
    private static final String ADDRESS = "2/11, Gali No. 14, Alipur, Delhi";
    /** A second order of the same person, the number written another way and another address. */
    private static final String SECOND_ADDRESS = "Shop 17-B, Khasra 442, Holambi Kalan, Delhi";
    private static final String SECOND_ORDER = "ORD-9001,Kapoor Dairy (Holambi),09849609920,\"" + SECOND_ADDRESS + "\","
            + "110082,28.789,77.081,20.0,0.05,09:00,12:00,10,2,D2,MILK,,\n";
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2024-01-15T06:00:00Z"));

    @TempDir
    Path staging;
    @TempDir
    Path keys;

    private final OrderFiles reader = new OrderFiles(OrderFileSettings.DEFAULTS);
    private final StagedInputScrubber scrubber = new StagedInputScrubber(OrderFileSettings.DEFAULTS);
    private PhoneLookup lookup;

    @BeforeEach
    void keys() {
        lookup = new PhoneLookup(PersonalDataKeys.loadOrCreate(keys));
    }

    @Test
    void erasesTheNameAndAddressAndPhoneOfEveryRowOfThatPersonInACsvFile() throws Exception {
        Path file = sampleWithSecondOrder();
        assertThat(Files.readString(file)).contains(NAME, ADDRESS, SECOND_ADDRESS, "9849609920");

        Scrubbed scrubbed = scrubber.scrub(file, "orders.csv", phoneOf(PERSON));

        assertThat(scrubbed).isEqualTo(new Scrubbed("orders.csv", List.of(2, 306)));
        assertThat(scrubbed.rows()).isEqualTo(2);
        Map<Integer, OrderRow> rows = byRowNumber(read("orders.csv", file));
        for (int row : List.of(2, 306)) {
            assertThat(rows.get(row).values()).containsEntry("customer_name", StagedInputScrubber.ERASED)
                    .containsEntry("address", StagedInputScrubber.ERASED).containsEntry("phone", "");
        }
        assertThat(rows.get(2).value("order_id")).isEqualTo("ORD-0001");
        assertThat(rows.get(306).value("order_id")).isEqualTo("ORD-9001");
        assertThat(Files.readString(file)).doesNotContain(NAME, ADDRESS, SECOND_ADDRESS, "9849609920");
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void leavesEveryOtherRowAndCellAsItWas() throws Exception {
        Path file = sampleWithSecondOrder();
        List<OrderRow> before = read("orders.csv", file);
        List<String> linesBefore = Files.readAllLines(file);

        scrubber.scrub(file, "orders.csv", phoneOf(PERSON));

        List<OrderRow> after = read("orders.csv", file);
        assertThat(after).hasSameSizeAs(before).hasSize(305);
        Set<String> erased = Set.of("customer_name", "address", "phone");
        for (int i = 0; i < before.size(); i++) {
            OrderRow was = before.get(i);
            OrderRow is = after.get(i);
            assertThat(is.rowNumber()).isEqualTo(was.rowNumber());
            if (was.rowNumber() == 2 || was.rowNumber() == 306) {
                Map<String, String> rest = new HashMap<>(is.values());
                Map<String, String> restBefore = new HashMap<>(was.values());
                rest.keySet().removeAll(erased);
                restBefore.keySet().removeAll(erased);
                assertThat(rest).isEqualTo(restBefore).hasSize(14);
            } else {
                assertThat(is).isEqualTo(was);
            }
        }
        List<String> linesAfter = Files.readAllLines(file);
        List<Integer> changedLines = new ArrayList<>();
        for (int i = 0; i < linesBefore.size(); i++) {
            if (!linesBefore.get(i).equals(linesAfter.get(i))) {
                changedLines.add(i + 1);
            }
        }
        assertThat(changedLines).containsExactly(2, 306);
        assertThat(linesAfter.get(1)).isEqualTo(
                "ORD-0001,(erased),,(erased),110036,28.794155,77.134874,43.6,0.067,09:00,13:00,15,2,D2,MILK,,");
    }

    @Test
    void keepsRowNumbersSoThatRejectsStillPointAtTheirRow() throws Exception {
        // blank lines are not counted and neither are line breaks inside quotes: an erased
        // two-line address must not move the rows after it
        Path file = write("orders.csv", header()
                + "ORD-1,Asha Gupta,+919810012345,12 Lajpat Nagar,110024,28.5,77.2,1,0.1,09:00,12:00,10,3,D1,GENERAL,,\n"
                + "\n"
                + "ORD-2,Kapoor Dairy,+91 98496 09920,\"Flat 2,\nGali No. 14\nAlipur\",110036,28.7,77.1,1,0.1,09:00,12:00,10,3,D1,MILK,,\n"
                + "\n\n"
                + "ORD-3,Ravi Kumar,9810012346,\"Karol Bagh\",110005,28.6,77.1,1,0.1,09:00,12:00,10,3,D1,GENERAL,,\n"
                + "ORD-4,Kapoor Dairy,(0)9849609920,Alipur,110036,28.7,77.1,1,0.1,09:00,12:00,10,3,D1,MILK,,\n"
                + "ORD-5,Meera Shah,9810012347,\"Tower B\nSector 62\",201301,28.6,77.3,1,0.1,09:00,12:00,10,3,D1,GENERAL,,\n");
        Map<Integer, OrderRow> before = byRowNumber(read("orders.csv", file));
        assertThat(before.keySet()).containsExactly(2, 3, 4, 5, 6);

        Scrubbed scrubbed = scrubber.scrub(file, "orders.csv", phoneOf(PERSON));

        Map<Integer, OrderRow> after = byRowNumber(read("orders.csv", file));
        assertThat(scrubbed.rowNumbers()).containsExactly(3, 5);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((row, order) -> assertThat(order.value("order_id")).isEqualTo(before.get(row).value("order_id")));
        assertThat(after.get(3).value("address")).isEqualTo(StagedInputScrubber.ERASED);
        assertThat(after.get(5).value("phone")).isEmpty();
        for (int untouched : List.of(2, 4, 6)) {
            assertThat(after.get(untouched).raw()).isEqualTo(before.get(untouched).raw());
        }
        assertThat(Files.readString(file)).contains("\n\nORD-2,(erased),,(erased),110036,", ",MILK,,\n\n\nORD-3,Ravi Kumar,")
                .contains("\"Tower B\nSector 62\"").contains("\"Karol Bagh\"");
    }

    @Test
    void keepsTheFilesLineEndingsByteOrderMarkAndQuotingOfTheOtherRows() throws Exception {
        String rest = ",110036,28.7,77.1,1,0.1,09:00,12:00,10,3,D1,MILK,,\r\n";
        String other = "\"ORD-1\",\"Asha Gupta\",\"9810012345\",\"12 Lajpat Nagar\"" + rest;
        Path file = write("orders.csv", "\uFEFF" + header().replace("\n", "\r\n") + other
                + "ORD-2,\"Kapoor Dairy\",\"098496 09920\",\"2/11, Alipur\"" + rest + other);

        scrubber.scrub(file, "orders.csv", phoneOf(PERSON));

        assertThat(Files.readAllBytes(file)).isEqualTo(("\uFEFF" + header().replace("\n", "\r\n") + other
                + "ORD-2,(erased),,(erased)" + rest + other).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void doesTheSameInAnXlsxWorkbook() throws Exception {
        Path file = workbook("orders.xlsx");
        Map<String, String> cellsBefore = cellTexts(file);
        List<OrderRow> before = read("orders.xlsx", file);

        Scrubbed scrubbed = scrubber.scrub(file, "orders.xlsx", phoneOf(PERSON));

        assertThat(scrubbed.rowNumbers()).containsExactly(2, 8);
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Orders");
            assertThat(workbook.getSheet("Notes").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Call before 9");
            for (int index : List.of(1, 7)) {
                Row row = workbook.getSheetAt(0).getRow(index);
                assertThat(row.getCell(1).getCellType()).as("not a formula any more").isEqualTo(CellType.STRING);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(StagedInputScrubber.ERASED);
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(StagedInputScrubber.ERASED);
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            }
        }
        Map<String, String> cellsAfter = cellTexts(file);
        Map<String, String> erased = Map.of("B2", "(erased)", "C2", "", "D2", "(erased)",
                "B8", "(erased)", "C8", "", "D8", "(erased)");
        assertThat(cellsAfter).containsAllEntriesOf(erased);
        cellsAfter.keySet().removeAll(erased.keySet());
        cellsBefore.keySet().removeAll(erased.keySet());
        assertThat(cellsAfter).isEqualTo(cellsBefore).containsEntry("D7", SECOND_ADDRESS).containsEntry("F2", "28.794155");

        List<OrderRow> after = read("orders.xlsx", file);
        assertThat(after).extracting(OrderRow::rowNumber).containsExactlyElementsOf(before.stream().map(OrderRow::rowNumber).toList())
                .containsExactly(2, 3, 4, 5, 7, 8);
        assertThat(after.get(0).values()).containsEntry("customer_name", "(erased)").containsEntry("phone", "")
                .containsEntry("order_id", "ORD-0001").containsEntry("window_start", "09:00");
        assertThat(after.get(5).values()).containsEntry("address", "(erased)").containsEntry("order_id", "ORD-9001");
        for (int i = 1; i < 5; i++) {
            assertThat(after.get(i)).isEqualTo(before.get(i));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String texts = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(texts).as("the workbook's shared texts forget the person")
                    .doesNotContain("Kapoor", "Gali No. 14", "9849609920").contains(SECOND_ADDRESS, "Bansal Medicos");
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(sheet).as("no formula or cached value keeps them").doesNotContain("Kapoor", "9849609920");
        }
    }

    @Test
    void leavesAFileWithoutThePersonUntouched() throws Exception {
        for (Path file : List.of(copyOfSample("orders.csv"), workbook("orders.xlsx"))) {
            Files.setLastModifiedTime(file, LONG_AGO);
            byte[] bytes = Files.readAllBytes(file);
            AtomicInteger asked = new AtomicInteger();
            Predicate<String> someoneElse = phoneOf("+919000000001");

            Scrubbed scrubbed = scrubber.scrub(file, fileName(file), phone -> asked.incrementAndGet() > 0 && someoneElse.test(phone));

            assertThat(asked).as("every row was looked at").hasValueGreaterThan(4);
            assertThat(scrubbed.rows()).isZero();
            assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
        }
    }

    @Test
    void changesNothingTheSecondTime() throws Exception {
        for (Path file : List.of(sampleWithSecondOrder(), workbook("orders.xlsx"))) {
            assertThat(scrubber.scrub(file, fileName(file), phoneOf(PERSON)).rows()).isEqualTo(2);
            Files.setLastModifiedTime(file, LONG_AGO);
            byte[] once = Files.readAllBytes(file);

            Scrubbed again = scrubber.scrub(file, fileName(file), phoneOf(PERSON));

            assertThat(again.rows()).isZero();
            assertThat(Files.readAllBytes(file)).isEqualTo(once);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
        }
    }

    @Test
    void leavesAFileTheIngestStillReadsWithTheSameNumberOfRows() throws Exception {
        Path plain = sampleWithSecondOrder();
        for (Path file : List.of(plain, gzipped(plain), workbook("orders.xlsx"))) {
            String name = fileName(file);
            long rowsBefore = reader.inspect(1, name, file).dataRows();

            scrubber.scrub(file, name, phoneOf(PERSON));

            assertThat(reader.inspect(1, name, file).dataRows()).as(name).isEqualTo(rowsBefore).isPositive();
            assertThat(read(name, file)).as(name).filteredOn(row -> row.value("customer_name").equals("(erased)")).hasSize(2);
        }
    }

    @Test
    void erasesAGzipCompressedCsvFileAsItWouldThePlainOne() throws Exception {
        Path plain = sampleWithSecondOrder();
        Path compressed = gzipped(plain);

        assertThat(scrubber.scrub(compressed, "orders.csv.gz", phoneOf(PERSON)).rowNumbers()).containsExactly(2, 306);
        scrubber.scrub(plain, "orders.csv", phoneOf(PERSON));

        try (InputStream in = new GZIPInputStream(Files.newInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(plain));
        }
    }

    @Test
    void refusesAFileTheIngestWouldRefuseNamingItAndLeavesItAsItWas() throws Exception {
        Path noHeader = write("orders.csv", "ORD-1,Kapoor Dairy,+919849609920,Alipur,110036\n");
        Path semicolons = write("other.csv", header().replace(',', ';') + "ORD-1;Kapoor Dairy;+919849609920;Alipur\n");
        byte[] bytes = Files.readAllBytes(noHeader);
        AtomicInteger asked = new AtomicInteger();
        Predicate<String> counting = phone -> asked.incrementAndGet() > 0;

        assertThatThrownBy(() -> scrubber.scrub(noHeader, "sender-orders.csv", counting))
                .isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("sender-orders.csv")
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.MISSING_COLUMNS);
        assertThatThrownBy(() -> scrubber.scrub(semicolons, "sender-orders.csv", counting))
                .hasMessageContaining("sender-orders.csv").hasMessageContaining("';' as delimiter")
                .extracting(e -> ((UnreadableFileException) e).reason()).isEqualTo(Reason.WRONG_DELIMITER);
        assertThatThrownBy(() -> scrubber.scrub(noHeader, "orders.txt", counting))
                .hasMessageContaining("orders.txt").extracting(e -> ((UnreadableFileException) e).reason())
                .isEqualTo(Reason.UNSUPPORTED_FORMAT);
        assertThat(asked).hasValue(0);
        assertThat(Files.readAllBytes(noHeader)).isEqualTo(bytes);
    }

    /**
     * Whether a phone cell is the person's, built as the erasure request builds it: the number
     * normalised however it was written, then compared by its keyed hash.
     */
    private Predicate<String> phoneOf(String number) {
        String wanted = lookup.of(IndianMobile.normalise(number).orElseThrow());
        return written -> IndianMobile.normalise(written).map(lookup::of).filter(wanted::equals).isPresent();
    }

    private static String header() {
        return "order_id,customer_name,phone,address,pincode,lat,lon,weight_kg,volume_m3,window_start,window_end,"
                + "service_minutes,priority,depot_id,goods_type,window2_start,window2_end\n";
    }

    /** Staged as fetch names it, the start of its SHA-256 before the sender's name. */
    private Path stagedPath(String fileName) {
        return staging.resolve("3f9a0c1e77b2-" + fileName);
    }

    private static String fileName(Path staged) {
        return staged.getFileName().toString().substring("3f9a0c1e77b2-".length());
    }

    private Path write(String fileName, String content) throws IOException {
        return Files.writeString(stagedPath(fileName), content);
    }

    private Path copyOfSample(String fileName) throws IOException {
        return Files.copy(SAMPLE, stagedPath(fileName));
    }

    /** The sample, 304 orders, and ORD-9001 as row 306: the same person, the number with a 0 in front. */
    private Path sampleWithSecondOrder() throws IOException {
        Path file = copyOfSample("orders.csv");
        assertThat(Files.readString(file)).doesNotContain(SECOND_ADDRESS).endsWith("\n");
        Files.writeString(file, Files.readString(file) + SECOND_ORDER);
        return file;
    }

    private Path gzipped(Path file) throws IOException {
        Path compressed = stagedPath(fileName(file) + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            Files.copy(file, out);
        }
        return compressed;
    }

    /**
     * Sheet "Orders" with the sample's first four orders in rows 2 to 5, row 6 blank, a neighbour
     * of the person in row 7 and the person's second order in row 8: the number typed as a number,
     * the name a formula. A second sheet "Notes".
     */
    private Path workbook(String fileName) throws IOException {
        List<String> sample = Files.readAllLines(SAMPLE);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Orders");
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("hh:mm"));
            String[] columns = sample.get(0).split(",");
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            for (int i = 1; i <= 4; i++) {
                orderRow(sheet.createRow(i), parse(sample.get(i)), time);
            }
            orderRow(sheet.createRow(6), parse("ORD-8001,Bansal Medicos,+919276355121,\"" + SECOND_ADDRESS
                    + "\",110082,28.79,77.08,5,0.01,10:00,11:00,5,1,D2,MEDICINES,,"), time);
            List<String> secondOrder = new ArrayList<>(parse(SECOND_ORDER.strip()));
            // set only as formula and number: POI would keep the text first written in its table
            secondOrder.set(1, "");
            secondOrder.set(2, "");
            Row second = sheet.createRow(7);
            orderRow(second, secondOrder, time);
            second.createCell(1).setCellFormula("CONCATENATE(\"Kapoor\",\" Dairy\")");
            second.createCell(2).setCellValue(9849609920d);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Call before 9");
            try (OutputStream out = Files.newOutputStream(stagedPath(fileName))) {
                workbook.write(out);
            }
        }
        return stagedPath(fileName);
    }

    private static List<String> parse(String csvLine) throws IOException {
        try (var parser = org.apache.commons.csv.CSVParser.parse(csvLine, org.apache.commons.csv.CSVFormat.RFC4180)) {
            return parser.getRecords().get(0).toList();
        }
    }

    /** Text where the sender would type text, numbers and times where Excel keeps those. */
    private static void orderRow(Row row, List<String> values, CellStyle time) {
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c);
            if (value.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (c >= 4 && c <= 8 || c == 11 || c == 12) {
                cell.setCellValue(Double.parseDouble(value));
            } else if (c == 9) {
                cell.setCellValue(java.time.LocalTime.parse(value).toSecondOfDay() / 86400.0);
                cell.setCellStyle(time);
            } else {
                cell.setCellValue(value);
            }
        }
    }

    /** Every cell of the first sheet as Excel shows it, by reference; a blank cell shows "". */
    private static Map<String, String> cellTexts(Path file) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    texts.put(new CellReference(cell).formatAsString(false), formatter.formatCellValue(cell));
                }
            }
        }
        return texts;
    }

    private List<OrderRow> read(String fileName, Path file) {
        List<OrderRow> rows = new ArrayList<>();
        try (OrderRowSource source = reader.open(1, fileName, file)) {
            for (OrderRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<Integer, OrderRow> byRowNumber(List<OrderRow> rows) {
        Map<Integer, OrderRow> byRow = new LinkedHashMap<>();
        rows.forEach(row -> byRow.put(row.rowNumber(), row));
        return byRow;
    }
}
