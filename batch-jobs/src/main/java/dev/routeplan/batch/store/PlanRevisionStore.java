package dev.routeplan.batch.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The published revisions of each depot's plan of a date, and of the run-wide files
 * ({@link #RUN_WIDE}). A revision is only added when the plan's fingerprint changed.
 */
public class PlanRevisionStore {

    /** The depot id under which the run-wide files (routes.csv, compliance report, ...) are revised. */
    public static final String RUN_WIDE = "*";

    /** One published revision: its fingerprint, the attempt that published it and the folder its files are in. */
    public record Revision(LocalDate planDate, String depotId, int revision, String fingerprint, long attempt, Path folder,
                           OffsetDateTime publishedAt) {

        public boolean runWide() {
            return RUN_WIDE.equals(depotId);
        }
    }

    private final JdbcClient jdbc;

    public PlanRevisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Revision> latest(LocalDate planDate, String depotId) {
        return jdbc.sql("""
                select * from plan_revisions where plan_date = ? and depot_id = ?
                order by revision desc fetch first 1 rows only""")
                .params(planDate, depotId).query(PlanRevisionStore::map).optional();
    }

    /** The current revision of each depot of the date and of the run-wide files, the run-wide one first. */
    public List<Revision> latestOfEach(LocalDate planDate) {
        return jdbc.sql("""
                select r.* from plan_revisions r
                where r.plan_date = ? and r.revision = (select max(revision) from plan_revisions l
                                                        where l.plan_date = r.plan_date and l.depot_id = r.depot_id)
                order by case when r.depot_id = '*' then 0 else 1 end, r.depot_id""")
                .param(planDate).query(PlanRevisionStore::map).list();
    }

    /** Every folder a revision of the date was published into, current or not. */
    public List<Path> folders(LocalDate planDate) {
        return jdbc.sql("select distinct folder from plan_revisions where plan_date = ? order by folder").param(planDate)
                .query(String.class).list().stream().map(Path::of).toList();
    }

    public void record(Revision revision) {
        jdbc.sql("""
                insert into plan_revisions (plan_date, depot_id, revision, fingerprint, attempt, folder, published_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(revision.planDate(), revision.depotId(), revision.revision(), revision.fingerprint(),
                        revision.attempt(), revision.folder().toString(), revision.publishedAt())
                .update();
    }

    public long count(LocalDate planDate, String depotId) {
        return jdbc.sql("select count(*) from plan_revisions where plan_date = ? and depot_id = ?")
                .params(planDate, depotId).query(Long.class).single();
    }

    private static Revision map(ResultSet rs, int row) throws SQLException {
        return new Revision(rs.getObject("plan_date", LocalDate.class), rs.getString("depot_id"), rs.getInt("revision"),
                rs.getString("fingerprint"), rs.getLong("attempt"), Path.of(rs.getString("folder")),
                rs.getObject("published_at", OffsetDateTime.class));
    }
}
