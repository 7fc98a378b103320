package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.runs.RandomOrderFile.Row;
import dev.routeplan.app.runs.RandomOrderFile.Written;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.planning.domain.Order;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random orders files through the whole ingest of the nightly job: whatever the rows hold, the job
 * completes, every row the file has ends as exactly one order or one reject, a reject names its
 * file, row and field with the reason its fault calls for, and a good row's order holds what the
 * row said. The seed is printed and in every failure; {@code -Drouteplan.random-rows.seed=S} runs
 * the same files again.
 */
@PlanJobTest
class RandomOrderRowsTests {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 17);
    private static final int FILES = 4;
    /** A reject's message: the file, the row, then the first field with a problem. */
    private static final Pattern FIELD_FIRST = Pattern.compile("(" + String.join("|", RandomOrderFile.COLUMNS)
            + "|column \\d+)[ ,].*", Pattern.DOTALL);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderStore orders;

    @Test
    void everyRandomRowBecomesAnOrderOrARejectWithAReason(SampleDay day) throws Exception {
        long seed = Long.getLong("routeplan.random-rows.seed", new SecureRandom().nextLong());
        String replay = "seed " + seed + " (again: -Drouteplan.random-rows.seed=" + seed + ")";
        System.out.println("RandomOrderRowsTests: " + replay);
        Random sizes = new Random(seed);
        List<Written> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String name = "orders-random-" + i + (i % 2 == 1 ? ".csv.gz" : ".csv");
            Written file = RandomOrderFile.write(day.input(), name, seed + i, "R" + i, 1_000 + sizes.nextInt(2_000));
            files.add(file);
            System.out.println("  " + name + ": " + file.rows().size() + " rows, by fault " + file.rows().stream()
                    .collect(Collectors.groupingBy(Row::fault, TreeMap::new, Collectors.counting())));
        }

        JobExecution execution = day.ingest(DATE);

        assertThat(execution.getStatus()).as("%s: the ingest ended %s: %s", replay, execution.getStatus(),
                execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Order> taken = orders.orders(DATE).stream().collect(Collectors.toMap(Order::id, Function.identity()));
        for (Written file : files) {
            List<String> problems = new ArrayList<>();
            checkCounts(file, problems);
            checkRejects(file, problems);
            checkOrders(file, taken, problems);
            assertThat(problems).as("%s, file %s of %d rows (%d meant good): what is wrong", replay, file.fileName(),
                    file.rows().size(), file.good().size()).isEmpty();
        }
    }

    private void checkCounts(Written file, List<String> problems) {
        Map<String, Object> ingested = jdbc.sql("""
                select status, rows_read, rows_accepted, rows_rejected from input_files
                where plan_date = ? and file_name = ?""").params(DATE, file.fileName()).query().singleRow();
        List<Object> expected = List.of("INGESTED", file.rows().size(), file.good().size(), file.bad().size());
        List<Object> found = Arrays.asList(ingested.get("status"), ingested.get("rows_read"), ingested.get("rows_accepted"),
                ingested.get("rows_rejected"));
        if (!expected.equals(found)) {
            problems.add("status, rows read, accepted, rejected: " + found + ", expected " + expected);
        }
        long orderRows = jdbc.sql("select count(*) from orders o join input_files f on f.id = o.file_id"
                + " where f.plan_date = ? and f.file_name = ?").params(DATE, file.fileName()).query(Long.class).single();
        long rejectRows = jdbc.sql("select count(*) from order_rejects r join input_files f on f.id = r.file_id"
                + " where f.plan_date = ? and f.file_name = ?").params(DATE, file.fileName()).query(Long.class).single();
        if (orderRows + rejectRows != file.rows().size()) {
            problems.add(orderRows + " orders + " + rejectRows + " rejects for " + file.rows().size() + " rows written");
        }
    }

    private void checkRejects(Written file, List<String> problems) {
        record Reject(int row, String codes, String message) {
        }
        Map<Integer, Reject> rejects = jdbc.sql("""
                select r.row_number, r.reason_codes, r.message from order_rejects r join input_files f on f.id = r.file_id
                where f.plan_date = ? and f.file_name = ?""").params(DATE, file.fileName())
                .query((rs, n) -> new Reject(rs.getInt(1), rs.getString(2), rs.getString(3))).list().stream()
                .collect(Collectors.toMap(Reject::row, Function.identity()));
        for (Row row : file.rows()) {
            Reject reject = rejects.remove(row.number());
            if (row.good()) {
                if (reject != null) {
                    problems.add("row " + row.number() + " was meant good but rejected: " + reject.message());
                }
                continue;
            }
            if (reject == null) {
                problems.add("row " + row.number() + " (" + row.fault() + ") has no reject");
                continue;
            }
            if (!List.of(reject.codes().split(";")).contains(row.fault().code)) {
                problems.add("row " + row.number() + " (" + row.fault() + ") rejected for " + reject.codes()
                        + ", not " + row.fault().code + ": " + reject.message());
            }
            String prefix = file.fileName() + " row " + row.number() + ": ";
            if (!reject.message().startsWith(prefix) || !FIELD_FIRST.matcher(reject.message().substring(prefix.length())).matches()) {
                problems.add("row " + row.number() + ": the reason does not name file, row and field: " + reject.message());
            }
        }
        rejects.values().forEach(reject -> problems.add("a reject of no row written: " + reject));
    }

    private void checkOrders(Written file, Map<String, Order> taken, List<String> problems) {
        Map<String, Integer> rowOfOrder = jdbc.sql("""
                select o.order_id, o.row_number from orders o join input_files f on f.id = o.file_id
                where f.plan_date = ? and f.file_name = ?""").params(DATE, file.fileName())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (Row row : file.good()) {
            Integer stored = rowOfOrder.remove(row.orderId());
            Order order = taken.get(row.orderId());
            if (stored == null || order == null || stored != row.number()) {
                problems.add("good row " + row.number() + " (" + row.orderId() + ") is not an order from it: row " + stored);
                continue;
            }
            Map<String, String> meant = row.meant();
            List<Object> expected = Arrays.asList(meant.get("customer_name"), meant.get("phone"), meant.get("address"),
                    meant.get("pincode"), Double.parseDouble(meant.get("lat")), Double.parseDouble(meant.get("lon")),
                    Double.parseDouble(meant.get("weight_kg")), meant.get("depot_id"), meant.get("goods_type"),
                    Integer.parseInt(meant.get("priority")));
            List<Object> found = Arrays.asList(order.customerName(), order.phone(), order.address(), order.pincode(),
                    order.location().lat(), order.location().lon(), order.weightKg(), order.depotId(), order.goodsType(),
                    order.priority());
            if (!expected.equals(found)) {
                problems.add("row " + row.number() + " became " + found + ", not " + expected);
            }
        }
        rowOfOrder.forEach((id, number) -> problems.add("order " + id + " from row " + number + ", which was meant bad"));
    }
}
