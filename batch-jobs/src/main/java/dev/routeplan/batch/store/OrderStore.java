package dev.routeplan.batch.store;

import dev.routeplan.batch.privacy.PersonalDataCipher;
import dev.routeplan.batch.privacy.PhoneLookup;
import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accepted orders and rejected rows of a plan date; every row read ends in exactly one of them.
 * Customers' names, phone numbers and addresses, and the raw text of rejected rows, are stored
 * sealed (AES-256-GCM), each bound to its row and column ({@link #context}), beside a keyed hash of
 * the phone number for erasure requests.
 */
public class OrderStore {

    /**
     * An accepted order with the file row it came from; {@code previousFileId} is set when it
     * replaces the same order id taken in from an earlier file of the date.
     */
    public record SourcedOrder(Order order, long fileId, int rowNumber, Long previousFileId) {

        public boolean replacesEarlierOrder() {
            return previousFileId != null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OrderStore.class);
    /** Column sizes of {@code order_rejects}. */
    private static final int MAX_REJECT_ORDER_ID = 64;
    private static final int MAX_REJECT_MESSAGE = 4000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final OrderBulkInsert bulk;
    private final PersonalDataCipher cipher;
    private final PhoneLookup phones;

    public OrderStore(DataSource dataSource, PersonalDataCipher cipher, PhoneLookup phones) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.bulk = new OrderBulkInsert(dataSource, cipher, phones);
        this.cipher = cipher;
        this.phones = phones;
    }

    /** What an order's sealed column is bound to: a ciphertext moved to another order or column does not open. */
    public static String context(LocalDate planDate, String orderId, String column) {
        return "orders/" + planDate + "/" + orderId + "/" + column;
    }

    /** What a rejected row's sealed raw text is bound to. */
    public static String rejectContext(long fileId, int rowNumber) {
        return "order_rejects/" + fileId + "/" + rowNumber;
    }

    /** Inserts new orders and replaces those that a later file updates, logging each replacement. */
    public void write(LocalDate planDate, List<SourcedOrder> orders) {
        List<SourcedOrder> replacements = orders.stream().filter(SourcedOrder::replacesEarlierOrder).toList();
        if (!replacements.isEmpty()) {
            batch.batchUpdate("delete from orders where plan_date = ? and order_id = ?", replacements, replacements.size(),
                    (ps, so) -> {
                        ps.setObject(1, planDate);
                        ps.setString(2, so.order().id());
                    });
            batch.batchUpdate("""
                    insert into order_updates (plan_date, order_id, previous_file_id, file_id, row_number, updated_at)
                    values (?, ?, ?, ?, ?, ?)""", replacements, replacements.size(), (ps, so) -> {
                ps.setObject(1, planDate);
                ps.setString(2, so.order().id());
                ps.setLong(3, so.previousFileId());
                ps.setLong(4, so.fileId());
                ps.setInt(5, so.rowNumber());
                ps.setObject(6, OffsetDateTime.now());
            });
            replacements.forEach(so -> log.info("order {} of {} updated by file {} row {} (was from file {})",
                    so.order().id(), planDate, so.fileId(), so.rowNumber(), so.previousFileId()));
        }
        bulk.insert(planDate, orders);
    }

    public void insertRejected(LocalDate planDate, List<OrderReject> rejects) {
        batch.batchUpdate("""
                insert into order_rejects (file_id, row_number, plan_date, order_id, reason_codes, message, raw_content,
                                           phone_lookup)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rejects, Math.max(1, rejects.size()), (ps, r) -> {
            ps.setLong(1, r.fileId());
            ps.setInt(2, r.rowNumber());
            ps.setObject(3, planDate);
            ps.setString(4, r.orderId() == null || r.orderId().length() > MAX_REJECT_ORDER_ID ? null : r.orderId());
            ps.setString(5, String.join(";", r.reasonCodes()));
            ps.setString(6, fitted(r.message(), MAX_REJECT_MESSAGE));
            ps.setString(7, cipher.seal(r.rawContent(), rejectContext(r.fileId(), r.rowNumber())));
            ps.setString(8, phones.of(r.phone()));
        });
    }

    /**
     * A text cut to a column's size, so that a reject is always stored: a failed insert would fail
     * the whole chunk, and the job, for one bad row. The validator keeps its messages well inside it.
     */
    static String fitted(String text, int columnSize) {
        return text.length() <= columnSize ? text : text.substring(0, columnSize - 1) + "…";
    }

    /** Which file each order of the date came from, to tell a duplicate in one file from an update by a later one. */
    public Map<String, Long> fileOfEachOrder(LocalDate planDate) {
        Map<String, Long> files = new HashMap<>();
        jdbc.sql("select order_id, file_id from orders where plan_date = ?").param(planDate)
                .query(rs -> {
                    files.put(rs.getString(1), rs.getLong(2));
                });
        return files;
    }

    public long updatedCount(LocalDate planDate) {
        return jdbc.sql("select count(*) from order_updates where plan_date = ?").param(planDate).query(Long.class).single();
    }

    /** Forgets what an earlier, abandoned attempt took in from a file, so it can be read again from the top. */
    public void deleteFromFile(long fileId) {
        jdbc.sql("delete from order_updates where file_id = ?").param(fileId).update();
        jdbc.sql("delete from orders where file_id = ?").param(fileId).update();
        jdbc.sql("delete from order_rejects where file_id = ?").param(fileId).update();
    }

    public long acceptedFrom(long fileId) {
        return jdbc.sql("select count(*) from orders where file_id = ?").param(fileId).query(Long.class).single();
    }

    public long rejectedFrom(long fileId) {
        return jdbc.sql("select count(*) from order_rejects where file_id = ?").param(fileId).query(Long.class).single();
    }

    public long acceptedCount(LocalDate planDate) {
        return jdbc.sql("select count(*) from orders where plan_date = ?").param(planDate).query(Long.class).single();
    }

    public long rejectedCount(LocalDate planDate) {
        // row 0 stands for a whole file refused unread; it is counted with the files, not the rows
        return jdbc.sql("select count(*) from order_rejects where plan_date = ? and row_number > 0").param(planDate)
                .query(Long.class).single();
    }

    public List<Order> orders(LocalDate planDate, String depotId) {
        return jdbc.sql("select * from orders where plan_date = ? and depot_id = ? order by order_id")
                .params(planDate, depotId).query(this::mapOrder).list();
    }

    public List<Order> orders(LocalDate planDate) {
        return jdbc.sql("select * from orders where plan_date = ? order by order_id").param(planDate)
                .query(this::mapOrder).list();
    }

    public List<OrderReject> rejects(LocalDate planDate) {
        return jdbc.sql("""
                select r.*, f.file_name from order_rejects r join input_files f on f.id = r.file_id
                where r.plan_date = ? order by r.file_id, r.row_number""")
                .param(planDate).query(this::mapReject).list();
    }

    public List<OrderReject> rejectsOf(long fileId) {
        return jdbc.sql("""
                select r.*, f.file_name from order_rejects r join input_files f on f.id = r.file_id
                where r.file_id = ? order by r.row_number""")
                .param(fileId).query(this::mapReject).list();
    }

    private OrderReject mapReject(ResultSet rs, int row) throws SQLException {
        long fileId = rs.getLong("file_id");
        int rowNumber = rs.getInt("row_number");
        return new OrderReject(fileId, rs.getString("file_name"), rowNumber,
                rs.getString("order_id"), Arrays.asList(rs.getString("reason_codes").split(";")),
                rs.getString("message"), cipher.open(rs.getString("raw_content"), rejectContext(fileId, rowNumber)), null);
    }

    private String opened(ResultSet rs, LocalDate planDate, String orderId, String column) throws SQLException {
        return cipher.open(rs.getString(column), context(planDate, orderId, column));
    }

    private static DeliveryWindows windows(ResultSet rs) throws SQLException {
        TimeWindow first = new TimeWindow(rs.getObject("window_start", LocalTime.class), rs.getObject("window_end", LocalTime.class));
        LocalTime secondStart = rs.getObject("window2_start", LocalTime.class);
        return secondStart == null ? DeliveryWindows.of(first)
                : DeliveryWindows.of(first, new TimeWindow(secondStart, rs.getObject("window2_end", LocalTime.class)));
    }

    private Order mapOrder(ResultSet rs, int row) throws SQLException {
        LocalDate planDate = rs.getObject("plan_date", LocalDate.class);
        String id = rs.getString("order_id");
        return new Order(id, opened(rs, planDate, id, "customer_name"), opened(rs, planDate, id, "phone"),
                opened(rs, planDate, id, "address"), rs.getString("pincode"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                rs.getDouble("weight_kg"), rs.getDouble("volume_m3"),
                windows(rs), rs.getInt("service_minutes"), rs.getInt("priority"), rs.getString("depot_id"), rs.getString("goods_type"));
    }
}
