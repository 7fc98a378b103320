package dev.routeplan.app.runs;

import dev.routeplan.app.PostgresSchema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.batch.privacy.PhoneLookup;
import dev.routeplan.batch.store.OrderStore;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly job on the real PostgreSQL of this machine (scripts/test.sh makes sure it runs),
 * in a schema of its own that Flyway creates and the test drops afterwards.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"routeplan.rule-pack=../config/rules/delhi.yaml", "logging.level.dev.routeplan=WARN"})
@ActiveProfiles("postgres")
@ExtendWith(SampleDay.Resolver.class)
class NightlyPlanJobOnPostgresIntegrationTests {

    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderStore orders;

    @Autowired
    PhoneLookup phones;

    @Test
    void plansTheSampleDayOnPostgres(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 1);

        // when
        JobExecution execution = sampleDay.run(date, 0, 2);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(SCHEMA.name);
        assertThat(jdbc.sql("select version from flyway_schema_history where success and version is not null order by installed_rank")
                .query(String.class).list()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "10.1", "11", "11.1", "12", "13", "14", "15");
        PlanOutputs out = sampleDay.outputs(date);
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ? and window2_start is not null and window2_end is not null")
                .param(date).query(Long.class).single()).as("two-window orders written by COPY").isEqualTo(25);
        PlanAssertions.everyAcceptedOrderIsRoutedOrUnassignedOnce(jdbc, date, out);
        PlanAssertions.noRouteBreaksCapacityOrAWindow(jdbc, date, out);
        assertThat(jdbc.sql("select count(*) from order_rejects where plan_date = ?").param(date).query(Long.class).single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select depot_id || ':' || revision from plan_revisions where plan_date = ? order by depot_id")
                .param(date).query(String.class).list()).containsExactlyInAnyOrder("*:1", "D1:1", "D2:1", "D3:1");
        assertThat(out.file("D1/plan-D1.xlsx")).isRegularFile();
    }

    @Test
    void storesCustomersNamesPhonesAndAddressesSealedAndFindsAPhoneByItsKeyedHash(SampleDay sampleDay) throws Exception {
        // given the sample day's customers as sent
        LocalDate date = LocalDate.of(2026, 12, 2);
        List<CSVRecord> sent;
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().get().parse(
                Files.newBufferedReader(sampleDay.input().resolve("orders.csv")))) {
            sent = csv.getRecords();
        }

        // when the day is planned
        assertThat(sampleDay.run(date, 0, 2).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then no table row holds a customer's name, number or address as text: every value is sealed
        String everyRow = String.join("\n", jdbc.sql("select t::text from orders t where plan_date = ?").param(date)
                .query(String.class).list()) + String.join("\n", jdbc.sql("select t::text from order_rejects t where plan_date = ?")
                .param(date).query(String.class).list());
        for (CSVRecord order : sent) {
            for (String field : List.of("customer_name", "address", "phone")) {
                String value = field.equals("phone") ? order.get(field).replaceFirst("^\\+91", "") : order.get(field);
                if (!value.isBlank()) {
                    assertThat(everyRow).as("row %d, %s", order.getRecordNumber(), field).doesNotContain(value);
                }
            }
        }
        assertThat(jdbc.sql("""
                        select count(*) from orders where plan_date = ? and (customer_name not like 'pd1:%'
                            or address not like 'pd1:%' or (phone <> '' and (phone not like 'pd1:%' or phone_lookup is null)))""")
                .param(date).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select raw_content from order_rejects where plan_date = ?").param(date).query(String.class).list())
                .hasSize(4).allSatisfy(raw -> assertThat(raw).startsWith("pd1:"));
        // and the lookup hash of a number finds that customer's orders, and the store opens them again
        CSVRecord first = sent.get(0);
        assertThat(jdbc.sql("select order_id from orders where plan_date = ? and phone_lookup = ?")
                .params(date, phones.of(first.get("phone"))).query(String.class).list()).contains(first.get("order_id"));
        assertThat(orders.orders(date)).filteredOn(o -> o.id().equals(first.get("order_id"))).singleElement()
                .satisfies(o -> assertThat(List.of(o.customerName(), o.phone(), o.address()))
                        .containsExactly(first.get("customer_name"), first.get("phone"), first.get("address")));
    }
}
