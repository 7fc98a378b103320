package dev.routeplan.batch.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where each published revision has been delivered: one row per revision and channel, PENDING
 * until it is sent, FAILED with the last error while it cannot be, then SENT. An operator reads
 * this (the command line prints it) and a later run or {@code deliver} retries what is not SENT.
 */
public class DeliveryStore {

    /** The delivery of one revision over one channel. */
    public record Delivery(LocalDate planDate, String depotId, int revision, DeliveryChannel channel, String target,
                           DeliveryState status,
                           int attempts, String lastError, OffsetDateTime updatedAt) {

        public boolean sent() {
            return status == DeliveryState.SENT;
        }
    }

    private final JdbcClient jdbc;

    public DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Delivery> find(LocalDate planDate, String depotId, int revision, DeliveryChannel channel) {
        return jdbc.sql("select * from deliveries where plan_date = ? and depot_id = ? and revision = ? and channel = ?")
                .params(planDate, depotId, revision, channel.name()).query(DeliveryStore::map).optional();
    }

    /** The row of this revision and channel, created PENDING if there was none. */
    public Delivery pending(LocalDate planDate, String depotId, int revision, DeliveryChannel channel, String target) {
        return find(planDate, depotId, revision, channel).orElseGet(() -> {
            jdbc.sql("""
                    insert into deliveries (plan_date, depot_id, revision, channel, target, status, attempts, updated_at)
                    values (?, ?, ?, ?, ?, ?, 0, ?)""")
                    .params(planDate, depotId, revision, channel.name(), target, DeliveryState.PENDING.name(), OffsetDateTime.now())
                    .update();
            return find(planDate, depotId, revision, channel).orElseThrow();
        });
    }

    public void sent(Delivery delivery, String target) {
        update(delivery, target, DeliveryState.SENT, null);
    }

    public void failed(Delivery delivery, String target, String error) {
        update(delivery, target, DeliveryState.FAILED, error.length() > 2000 ? error.substring(0, 2000) : error);
    }

    private void update(Delivery delivery, String target, DeliveryState status, String error) {
        jdbc.sql("""
                update deliveries set target = ?, status = ?, attempts = attempts + 1, last_error = ?, updated_at = ?
                where plan_date = ? and depot_id = ? and revision = ? and channel = ?""")
                .params(target, status.name(), error, OffsetDateTime.now(), delivery.planDate(), delivery.depotId(),
                        delivery.revision(), delivery.channel().name())
                .update();
    }

    /** Whether an earlier revision than {@code revision} went out over the channel: the next one is a revision to its readers. */
    public boolean sentBefore(LocalDate planDate, String depotId, int revision, DeliveryChannel channel) {
        return jdbc.sql("""
                select count(*) from deliveries
                where plan_date = ? and depot_id = ? and revision < ? and channel = ? and status = 'SENT'""")
                .params(planDate, depotId, revision, channel.name()).query(Long.class).single() > 0;
    }

    /** Every delivery of the date, by depot ('*', the run-wide files, first), revision and channel. */
    public List<Delivery> of(LocalDate planDate) {
        return jdbc.sql("""
                select * from deliveries where plan_date = ?
                order by case when depot_id = '*' then 0 else 1 end, depot_id, revision, channel""")
                .param(planDate).query(DeliveryStore::map).list();
    }

    /** The plan dates from {@code from} on with a delivery not SENT (PENDING or FAILED), oldest first: what a retry sends. */
    public List<LocalDate> datesNotSentSince(LocalDate from) {
        return jdbc.sql("select distinct plan_date from deliveries where plan_date >= ? and status <> 'SENT' order by plan_date")
                .param(from).query(LocalDate.class).list();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("plan_date", LocalDate.class), rs.getString("depot_id"), rs.getInt("revision"),
                DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("target"),
                DeliveryState.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
