package dev.routeplan.batch.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every published file with its size and SHA-256, one row per path. */
public class ArtifactStore {

    private final JdbcClient jdbc;

    public ArtifactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void register(LocalDate planDate, String path, ArtifactKind kind, long sizeBytes, String sha256) {
        jdbc.sql("delete from artifacts where plan_date = ? and path = ?").params(planDate, path).update();
        jdbc.sql("insert into artifacts (plan_date, path, kind, size_bytes, sha256, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(planDate, path, kind.name(), sizeBytes, sha256, OffsetDateTime.now()).update();
    }

    /** A published file kept under another name (an earlier revision moved aside) stays registered there. */
    public void move(LocalDate planDate, String from, String to) {
        jdbc.sql("delete from artifacts where plan_date = ? and path = ?").params(planDate, to).update();
        jdbc.sql("update artifacts set path = ? where plan_date = ? and path = ?").params(to, planDate, from).update();
    }

    public void forget(LocalDate planDate, String path) {
        jdbc.sql("delete from artifacts where plan_date = ? and path = ?").params(planDate, path).update();
    }

    public long count(LocalDate planDate) {
        return jdbc.sql("select count(*) from artifacts where plan_date = ?").param(planDate).query(Long.class).single();
    }
}
