package dev.routeplan.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.batch.privacy.StagedInputScrubber;
import dev.routeplan.batch.store.CustomerRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A customer's erasure on a published sample day. The customer of ORD-0001, renamed for this test so
 * that no other test's day shares them (Asha Verma Dairy, +91 98111 22233), also sent a second order
 * in a later file with the number written 0-first, and a row that was rejected; after the erasure none of their name, address or number is anywhere: any text
 * column of any table, any published file (CSV, JSON, the workbooks' cells, the PDFs' text), the
 * kept revisions, the staged input. Every other customer is where they were.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerErasureTests {

    private static final LocalDate DATE = LocalDate.of(2027, 3, 3);
    private static final String NUMBER = "+919811122233";
    private static final List<String> THEIRS = List.of("Asha Verma Dairy", "Plot 7, Gali No. 99, Alipur", "9811122233",
            "Asha Verma Godown", "Plot 9, Narela Industrial Area");
    private static final List<String> SOMEONE_ELSES = List.of("Bansal Medicos", "2/28, Gali No. 12, Narela", "9276355121");

    @Autowired
    CustomerErasure erasure;
    @Autowired
    PlanRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @TempDir
    static Path folder;
    private Path output;
    private CustomerErasure.Erased erased;
    private Map<String, String> before;
    private int ordersBefore;

    @BeforeAll
    void publishTheDayThenEraseTheCustomer() throws Exception {
        Path input = Files.createDirectories(folder.resolve("input"));
        try (Stream<Path> samples = Files.list(Path.of("../samples"))) {
            for (Path sample : samples.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(sample, input.resolve(sample.getFileName()));
            }
        }
        Path orders = input.resolve("orders.csv");
        Files.writeString(orders, Files.readString(orders).replace(
                "ORD-0001,Kapoor Dairy,+919849609920,\"2/11, Gali No. 14, Alipur, Delhi\"",
                "ORD-0001,Asha Verma Dairy,+919811122233,\"Plot 7, Gali No. 99, Alipur, Delhi\""));
        String header = Files.readAllLines(orders).get(0);
        Files.writeString(input.resolve("orders-late.csv"), header + "\n"
                + "ORD-9001,Asha Verma Godown,09811122233,\"Plot 9, Narela Industrial Area, Delhi\",110040,"
                + "28.854113,77.091200,20.0,0.05,10:00,14:00,10,2,D2,MILK,,\n"
                // rejected: a weight below zero
                + "ORD-9002,Asha Verma Dairy,9811122233,\"Plot 7, Gali No. 99, Alipur, Delhi\",110036,28.794155,77.134874,"
                + "-3,0.05,10:00,14:00,10,2,D2,MILK,,\n", StandardCharsets.UTF_8);
        output = folder.resolve("out");
        assertThat(runs.run(DATE, input, output, 0, 1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(placesHolding(THEIRS.get(0))).as("the customer is in the published files first, workbooks and PDFs too")
                .anyMatch(file -> file.toString().endsWith(".xlsx")).anyMatch(file -> file.toString().endsWith(".pdf"))
                .anyMatch(file -> file.toString().endsWith(".csv"));
        assertThat(placesHolding(THEIRS.get(2))).as("their number is on the driver's manifest first, spaced as it prints")
                .anyMatch(file -> file.toString().endsWith(".pdf"));
        ordersBefore = orderCount();

        erased = erasure.erase("098111 22233", null);
        before = fingerprints();
    }

    @Test
    void findsTheCustomersOrdersAndRejectedRowByTheirNumberHoweverItWasWritten() {
        assertThat(erased.maskedPhone()).endsWith("2233").doesNotContain("98111");
        assertThat(erased.dates()).extracting(CustomerRecords.OnDate::planDate).containsExactly(DATE);
        assertThat(erased.orders()).isEqualTo(2);
        assertThat(erased.rejects()).isEqualTo(1);
        assertThat(erased.stagedRows()).isEqualTo(3);
        assertThat(erased.republished()).isEqualTo(1);
    }

    @Test
    void leavesTheirNameAddressAndNumberInNoTableAndNoFile() throws Exception {
        for (String value : THEIRS) {
            assertThat(tablesHolding(value)).as("tables holding \"%s\"", value).isEmpty();
            assertThat(placesHolding(value)).as("files holding \"%s\"", value).isEmpty();
        }
    }

    @Test
    void leavesEveryOtherCustomerWhereTheyWere() throws Exception {
        for (String value : SOMEONE_ELSES) {
            assertThat(placesHolding(value)).as("files holding \"%s\"", value).isNotEmpty();
        }
        assertThat(orderCount()).as("the orders stay, only their personal fields go").isEqualTo(ordersBefore);
        assertThat(jdbc.sql("select customer_name from orders where plan_date = ? and order_id = 'ORD-0001'").param(DATE)
                .query(String.class).single()).isEqualTo(StagedInputScrubber.ERASED);
    }

    @Test
    void recordsTheErasureWithTheNumbersLastDigitsOnly() {
        List<Map<String, Object>> rows = jdbc.sql("select target, outcome, detail from audit_log where action = 'ERASE'")
                .query().listOfRows();
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("target").toString()).endsWith("2233").doesNotContain("98111");
            assertThat(row.get("outcome")).isEqualTo("SUCCEEDED");
            assertThat(row.get("detail").toString()).contains("2 orders and 1 rejected rows", DATE.toString());
        });
    }

    @Test
    void asksAgainAndChangesNothing() throws Exception {
        CustomerErasure.Erased again = erasure.erase(NUMBER, "ops-user");

        assertThat(again.dates()).isEmpty();
        assertThat(fingerprints()).isEqualTo(before);
    }

    @Test
    void refusesANumberThatIsNotAMobileNumberNamingTheField() throws Exception {
        assertThatThrownBy(() -> erasure.erase("12345", null)).isInstanceOf(CustomerErasure.NotAPhoneNumber.class)
                .hasMessageContaining("not an Indian mobile number").hasMessageNotContaining("12345");
        mvc.perform(post("/api/v1/erasures").with(tokens.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"12345\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phone"));
    }

    @Test
    void answersAnAdministratorOverTheApiAndNoOneElse() throws Exception {
        mvc.perform(post("/api/v1/erasures").with(tokens.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"+919000000001\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.maskedPhone").value(org.hamcrest.Matchers.endsWith("0001")))
                .andExpect(jsonPath("$.dates").isEmpty());
        mvc.perform(post("/api/v1/erasures").with(tokens.as(Role.COMPLIANCE)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"+919000000001\"}")).andExpect(status().isForbidden());
    }

    private int orderCount() {
        return jdbc.sql("select count(*) from orders where plan_date = ?").param(DATE).query(Integer.class).single();
    }

    /** The tables and columns whose text holds the value. */
    private List<String> tablesHolding(String value) {
        List<String> found = new ArrayList<>();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type in ('BASE TABLE', 'TABLE')").query(String.class).list();
        assertThat(tables).contains("orders", "order_rejects", "artifacts");
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
                row.forEach((column, cell) -> {
                    if (cell != null && cell.toString().contains(value)) {
                        found.add(table + "." + column);
                    }
                });
            }
        }
        return found;
    }

    /**
     * The files under the folder (output, staged input) whose text holds the value, also with every
     * space taken out of both: the manifest prints a number grouped ({@code +91 98111 22233}).
     */
    private List<Path> placesHolding(String value) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Path file : filesUnder(output)) {
            String text = text(file);
            if (text.contains(value) || withoutSpaces(text).contains(withoutSpaces(value))) {
                found.add(file);
            }
        }
        return found;
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    private Map<String, String> fingerprints() throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : filesUnder(output)) {
            hashes.put(output.relativize(file).toString(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
        return hashes;
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** What a person reading the file would see: a workbook's cells, a PDF's text, or the file as text. */
    private static String text(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".xlsx")) {
            StringBuilder cells = new StringBuilder();
            DataFormatter format = new DataFormatter();
            try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            cells.append(format.formatCellValue(cell)).append('\n');
                        }
                    }
                }
            }
            return cells.toString();
        }
        if (name.endsWith(".pdf")) {
            Process pdftotext = new ProcessBuilder("pdftotext", "-q", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pdftotext.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return text.replaceAll("\\s+", " ");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
