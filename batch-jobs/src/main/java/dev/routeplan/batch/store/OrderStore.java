package dev.routeplan.batch.store;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accepted orders and rejected rows of a plan date; every row read ends in exactly one of them. */
public class OrderStore {

    /** An accepted order with the file row it came from. */
    public record SourcedOrder(Order order, long fileId, int rowNumber) {
    }

    private final JdbcClient jdbc;

    public OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAccepted(LocalDate planDate, List<SourcedOrder> orders) {
        for (SourcedOrder so : orders) {
            Order o = so.order();
            jdbc.sql("""
                    insert into orders (plan_date, order_id, file_id, row_number, customer_name, phone, address, pincode, lat, lon,
                        weight_kg, volume_m3, window_start, window_end, service_minutes, priority, depot_id, goods_type)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planDate, o.id(), so.fileId(), so.rowNumber(), o.customerName(), o.phone(), o.address(),
                            o.pincode(), o.location().lat(), o.location().lon(), o.weightKg(), o.volumeM3(),
                            o.window().start(), o.window().end(), o.serviceMinutes(), o.priority(), o.depotId(), o.goodsType())
                    .update();
        }
    }

    public void insertRejected(LocalDate planDate, List<OrderReject> rejects) {
        for (OrderReject r : rejects) {
            jdbc.sql("""
                    insert into order_rejects (file_id, row_number, plan_date, order_id, reason_codes, message, raw_content)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.fileId(), r.rowNumber(), planDate, r.orderId(), String.join(";", r.reasonCodes()),
                            r.message(), r.rawContent())
                    .update();
        }
    }

    /** Forgets what an earlier, abandoned attempt took in from a file, so it can be read again from the top. */
    public void deleteFromFile(long fileId) {
        jdbc.sql("delete from orders where file_id = ?").param(fileId).update();
        jdbc.sql("delete from order_rejects where file_id = ?").param(fileId).update();
    }

    public boolean exists(LocalDate planDate, String orderId) {
        return jdbc.sql("select count(*) from orders where plan_date = ? and order_id = ?").params(planDate, orderId)
                .query(Integer.class).single() > 0;
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
        return jdbc.sql("select count(*) from order_rejects where plan_date = ?").param(planDate).query(Long.class).single();
    }

    public List<Order> orders(LocalDate planDate, String depotId) {
        return jdbc.sql("select * from orders where plan_date = ? and depot_id = ? order by order_id")
                .params(planDate, depotId).query(OrderStore::mapOrder).list();
    }

    public List<Order> orders(LocalDate planDate) {
        return jdbc.sql("select * from orders where plan_date = ? order by order_id").param(planDate)
                .query(OrderStore::mapOrder).list();
    }

    public List<OrderReject> rejects(LocalDate planDate) {
        return jdbc.sql("""
                select r.*, f.file_name from order_rejects r join input_files f on f.id = r.file_id
                where r.plan_date = ? order by r.file_id, r.row_number""")
                .param(planDate)
                .query((rs, row) -> new OrderReject(rs.getLong("file_id"), rs.getString("file_name"), rs.getInt("row_number"),
                        rs.getString("order_id"), Arrays.asList(rs.getString("reason_codes").split(";")),
                        rs.getString("message"), rs.getString("raw_content")))
                .list();
    }

    private static Order mapOrder(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getString("order_id"), rs.getString("customer_name"), rs.getString("phone"),
                rs.getString("address"), rs.getString("pincode"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                rs.getDouble("weight_kg"), rs.getDouble("volume_m3"),
                new TimeWindow(rs.getObject("window_start", LocalTime.class), rs.getObject("window_end", LocalTime.class)),
                rs.getInt("service_minutes"), rs.getInt("priority"), rs.getString("depot_id"), rs.getString("goods_type"));
    }
}
