package dev.routeplan.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sample day's orders taken in, then exported for use outside production. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaskedOrdersExportTests {

    private static final LocalDate DATE = LocalDate.of(2027, 4, 4);

    @Autowired
    MaskedOrdersExport export;
    @Autowired
    PlanRuns runs;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path folder;
    private Map<String, CSVRecord> sent;
    private Map<String, CSVRecord> exported;
    private MaskedOrdersExport.Exported result;

    @BeforeAll
    void takeTheSampleDayInAndExportIt() throws Exception {
        Path input = Files.createDirectories(folder.resolve("input"));
        try (Stream<Path> samples = Files.list(Path.of("../samples"))) {
            for (Path sample : samples.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(sample, input.resolve(sample.getFileName()));
            }
        }
        assertThat(runs.ingest(DATE, input, folder.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        result = export.write(DATE, folder.resolve("orders-masked.csv"), "ops-test");
        sent = byOrderId(input.resolve("orders.csv"));
        exported = byOrderId(result.file());
    }

    @Test
    void writesEveryOrderTakenInAndNoOther() {
        long accepted = jdbc.sql("select count(*) from orders where plan_date = ?").param(DATE).query(Long.class).single();
        assertThat(result.orders()).isEqualTo(accepted).isPositive();
        assertThat(exported).hasSize((int) accepted);
        assertThat(sent.keySet()).containsAll(exported.keySet());
    }

    @Test
    void leavesNoCustomersNameOrNumberInTheFileAndNoDoorInAnAddress() throws Exception {
        String text = Files.readString(result.file(), StandardCharsets.UTF_8);
        for (String id : exported.keySet()) {
            CSVRecord order = sent.get(id);
            assertThat(text).as(id).doesNotContain(order.get("customer_name"));
            String phone = order.get("phone").replaceAll("\\D", "");
            if (phone.length() >= 10) {
                assertThat(text).as(id).doesNotContain(phone.substring(phone.length() - 10));
            }
            String door = order.get("address").split(",")[0].strip();
            assertThat(exported.get(id).get("address")).as(id).startsWith("…").doesNotContain(door);
        }
    }

    @Test
    void showsInitialsTheLastFourDigitsAndTheLocality() {
        CSVRecord sentOrder = sent.get("ORD-0001");
        CSVRecord masked = exported.get("ORD-0001");
        assertThat(sentOrder.get("customer_name")).isEqualTo("Kapoor Dairy");
        assertThat(masked.get("customer_name")).isEqualTo("K. D.");
        assertThat(masked.get("phone")).as("guarded: a leading + starts a formula").isEqualTo("'+91XXXXXX9920");
        assertThat(masked.get("address")).isEqualTo("…, Alipur, Delhi");
    }

    @Test
    void keepsWhatPlanningNeedsAsItWasSent() {
        for (String column : List.of("pincode", "lat", "lon", "weight_kg", "window_start", "window_end", "depot_id", "goods_type")) {
            assertThat(exported.values()).as(column).allSatisfy(order -> assertThat(sameValue(order.get(column),
                    sent.get(order.get("order_id")).get(column))).as(order.get("order_id")).isTrue());
        }
    }

    @Test
    void auditsTheExportAsWhoAskedForIt() {
        assertThat(jdbc.sql("select subject || ' ' || action || ' ' || target from audit_log where action = 'EXPORT'")
                .query(String.class).list()).containsExactly("ops-test EXPORT orders " + DATE);
    }

    /** The same number however many decimals it was written with, or the same text in any case. */
    private static boolean sameValue(String exported, String sent) {
        try {
            return Double.parseDouble(exported) == Double.parseDouble(sent);
        } catch (NumberFormatException text) {
            return exported.strip().equalsIgnoreCase(sent.strip());
        }
    }

    private static Map<String, CSVRecord> byOrderId(Path file) throws Exception {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return parser.getRecords().stream().collect(Collectors.toMap(r -> r.get("order_id"), Function.identity()));
        }
    }
}
