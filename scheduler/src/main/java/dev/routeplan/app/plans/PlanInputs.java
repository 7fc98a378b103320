package dev.routeplan.app.plans;

import dev.routeplan.batch.privacy.PersonalDataCipher;
import dev.routeplan.batch.store.OrderStore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a date took in: the files with their counts, and the rows refused, a page at a time. */
@Repository
public class PlanInputs {

    /** A file taken in (or refused whole) for the date. */
    public record InputFileRow(long id, String name, String kind, String source, String remoteName, long sizeBytes,
                               String sha256, String status, Integer rowsRead, Integer rowsAccepted, Integer rowsRejected,
                               String rejectCode, String rejectMessage, OffsetDateTime registeredAt) {
    }

    /** A refused row: its file and row number (0 for a file refused before any row was read), why, and the row as sent. */
    public record RejectRow(long fileId, String file, int row, String orderId, List<String> reasonCodes, String message,
                            String raw) {
    }

    /** One page of a longer list. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    public PlanInputs(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<InputFileRow> files(LocalDate planDate) {
        return jdbc.sql("select * from input_files where plan_date = ? order by id").param(planDate)
                .query((rs, n) -> new InputFileRow(rs.getLong("id"), rs.getString("file_name"), rs.getString("kind"),
                        rs.getString("source"), rs.getString("remote_name"), rs.getLong("size_bytes"),
                        rs.getString("sha256").trim(), rs.getString("status"), rs.getObject("rows_read", Integer.class),
                        rs.getObject("rows_accepted", Integer.class), rs.getObject("rows_rejected", Integer.class),
                        rs.getString("reject_code"), rs.getString("reject_message"),
                        rs.getObject("registered_at", OffsetDateTime.class)))
                .list();
    }

    /** Rejected rows in file and row order. */
    public Page<RejectRow> rejects(LocalDate planDate, int page, int size) {
        long total = jdbc.sql("select count(*) from order_rejects where plan_date = ?").param(planDate)
                .query(Long.class).single();
        List<RejectRow> rows = jdbc.sql("""
                        select r.*, f.file_name from order_rejects r join input_files f on f.id = r.file_id
                        where r.plan_date = ? order by r.file_id, r.row_number
                        offset ? rows fetch next ? rows only""")
                .params(planDate, (long) page * size, size)
                .query((rs, n) -> new RejectRow(rs.getLong("file_id"), rs.getString("file_name"), rs.getInt("row_number"),
                        rs.getString("order_id"), Arrays.asList(rs.getString("reason_codes").split(";")),
                        rs.getString("message"), cipher.open(rs.getString("raw_content"),
                                OrderStore.rejectContext(rs.getLong("file_id"), rs.getInt("row_number")))))
                .list();
        return new Page<>(rows, page, size, total);
    }
}
