package dev.routeplan.app.audit;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code audit_log} table. Rows are appended and read; the retention purge is the only
 * remover, and on PostgreSQL a trigger (migration 10.1, {@link AuditLogAppendOnlyMigration})
 * holds every other UPDATE or DELETE back, whoever issues it.
 */
@Repository
public class AuditLog {

    /** How long rows are kept: the seed's seven years. The PostgreSQL trigger names the same figure. */
    public static final Duration RETENTION = Duration.ofDays(2555);

    /** The transaction-local setting that opens the trigger's door for the purge. */
    static final String PURGE_SETTING = "routeplan.audit_purge";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private volatile Boolean postgres;

    public AuditLog(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = Clock.systemUTC();
    }

    /** Writes in its own transaction, so an action that fails and rolls back is still on record. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void append(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_log (at, subject, roles, action, target, client, outcome, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(entry.at()), entry.subject(), String.join(",", new TreeSet<>(entry.roles())),
                        entry.action().name(), entry.target(), entry.client(), entry.outcome().name(), entry.detail())
                .update();
    }

    /**
     * Appends {@code entry} unless a row of its action, target and detail is there already, in its
     * own transaction: for an action recorded from outside the request that did it (a token printed
     * by {@code routeplan token}, whose target names its jti; a console user changed by
     * {@code routeplan user}, whose detail names its record), which may be offered more than once.
     *
     * @return whether the row was appended
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean appendOnce(AuditEntry entry) {
        if (isPostgres()) {
            // two nodes offered the same entry wait for each other here, so only the first appends it
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(entry.action() + " " + entry.target())
                    .query(Object.class).list();
        }
        long present = jdbc.sql("select count(*) from audit_log where action = ? and target = ? and detail is not distinct from ?")
                .params(entry.action().name(), entry.target(), entry.detail()).query(Long.class).single();
        if (present > 0) {
            return false;
        }
        append(entry);
        return true;
    }

    /**
     * The retention purge: removes the rows older than {@code cutoff}, which may not be later
     * than {@link #RETENTION} ago (a younger row is refused here, and by the trigger on PostgreSQL).
     *
     * @return how many rows were removed
     */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        Instant oldestAllowed = clock.instant().minus(RETENTION);
        if (cutoff.isAfter(oldestAllowed)) {
            throw new IllegalArgumentException("audit rows are kept " + RETENTION.toDays() + " days: cutoff " + cutoff
                    + " is after " + oldestAllowed);
        }
        if (isPostgres()) {
            // local to this transaction: the trigger lets these deletes through and nothing after the commit
            jdbc.sql("select set_config(?, 'on', true)").param(PURGE_SETTING).query(String.class).single();
        }
        return jdbc.sql("delete from audit_log where at < ?").param(Timestamp.from(cutoff)).update();
    }

    /** One page of the rows that match {@code filter}, newest first. */
    @Transactional(readOnly = true)
    public AuditPage find(AuditFilter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.action() != null) {
            conditions.add("action = ?");
            params.add(filter.action().name());
        }
        if (filter.subject() != null) {
            conditions.add("subject = ?");
            params.add(filter.subject());
        }
        if (filter.outcome() != null) {
            conditions.add("outcome = ?");
            params.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            conditions.add("at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        // only fixed fragments are joined into the text; every value is a bound parameter
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditRecord> rows = jdbc.sql("select id, at, subject, roles, action, target, client, outcome, detail from audit_log"
                        + where + " order by at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> record(rs))
                .list();
        return new AuditPage(rows, page, size, total);
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        String roles = rs.getString("roles");
        return new AuditRecord(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("subject"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                AuditAction.valueOf(rs.getString("action")), rs.getString("target"), rs.getString("client"),
                AuditEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
    }

    private boolean isPostgres() {
        if (postgres == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
                postgres = product.toLowerCase().contains("postgres");
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell which database holds audit_log", e);
            }
        }
        return postgres;
    }
}
