package dev.routeplan.batch.store;

import dev.routeplan.batch.privacy.StagedInputScrubber;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database holds of one customer, found by the keyed hash of their phone number
 * ({@code phone_lookup}, {@link dev.routeplan.batch.privacy.PhoneLookup}): the orders and the
 * rejected rows that carry it. Erasing overwrites the personal fields but keeps the rows, so a
 * plan's routes, counts and reconciliation stay whole; the hash goes last, once every copy outside
 * the database is gone too, so that an erasure cut off half-way is found again by its next try.
 */
public class CustomerRecords {

    /** One plan date's rows of the customer, and the depots of their orders. */
    public record OnDate(LocalDate planDate, int orders, int rejects, List<String> depots) {
    }

    /** An order file of the date in which the customer has rejected rows. */
    public record RejectsFile(LocalDate planDate, long fileId, String fileName) {
    }

    /** An order file of the date as it was staged. */
    public record StagedFile(String fileName, Path stagedPath) {
    }

    private final JdbcClient jdbc;

    public CustomerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dates on which the customer has orders or rejected rows, oldest first. */
    public List<OnDate> find(String lookup) {
        List<LocalDate> dates = jdbc.sql("""
                select plan_date from orders where phone_lookup = :lookup
                union select plan_date from order_rejects where phone_lookup = :lookup
                order by 1""").param("lookup", lookup).query(LocalDate.class).list();
        return dates.stream().map(date -> new OnDate(date,
                count("select count(*) from orders where plan_date = ? and phone_lookup = ?", date, lookup),
                count("select count(*) from order_rejects where plan_date = ? and phone_lookup = ?", date, lookup),
                jdbc.sql("select distinct depot_id from orders where plan_date = ? and phone_lookup = ? order by 1")
                        .params(date, lookup).query(String.class).list())).toList();
    }

    /** Overwrites the customer's name, phone and address and their rejected rows' raw text; the hash stays. */
    public void eraseFields(String lookup) {
        jdbc.sql("update orders set customer_name = ?, phone = '', address = ? where phone_lookup = ?")
                .params(StagedInputScrubber.ERASED, StagedInputScrubber.ERASED, lookup).update();
        jdbc.sql("update order_rejects set raw_content = ? where phone_lookup = ?").params(StagedInputScrubber.ERASED, lookup).update();
    }

    /** The last step of an erasure: without the hash nothing leads back to the customer. */
    public void forget(String lookup) {
        jdbc.sql("update orders set phone_lookup = null where phone_lookup = ?").param(lookup).update();
        jdbc.sql("update order_rejects set phone_lookup = null where phone_lookup = ?").param(lookup).update();
    }

    /** The files whose rejected rows carry the customer: their reject lists are written again once erased. */
    public List<RejectsFile> filesWithRejects(String lookup) {
        return jdbc.sql("""
                select distinct r.plan_date, r.file_id, f.file_name from order_rejects r join input_files f on f.id = r.file_id
                where r.phone_lookup = ? order by r.plan_date, r.file_id""").param(lookup)
                .query((rs, row) -> new RejectsFile(rs.getObject("plan_date", LocalDate.class), rs.getLong("file_id"),
                        rs.getString("file_name"))).list();
    }

    /** The order files staged for a date, whose rows may carry the customer. */
    public List<StagedFile> stagedOrderFiles(LocalDate planDate) {
        return jdbc.sql("select file_name, staged_path from input_files where plan_date = ? and kind = ? order by id")
                .params(planDate, InputFileKind.ORDERS.name())
                .query((rs, row) -> new StagedFile(rs.getString("file_name"), Path.of(rs.getString("staged_path")))).list();
    }

    private int count(String sql, LocalDate date, String lookup) {
        return jdbc.sql(sql).params(date, lookup).query(Integer.class).single();
    }
}
