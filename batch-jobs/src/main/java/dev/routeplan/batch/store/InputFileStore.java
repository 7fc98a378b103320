package dev.routeplan.batch.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry of input files: one row per distinct content per plan date, so nothing is taken in twice. */
public class InputFileStore {

    public static final String REGISTERED = "REGISTERED";
    public static final String INGESTED = "INGESTED";
    public static final String REJECTED = "REJECTED";

    private final JdbcClient jdbc;

    public InputFileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the registered copy of this content was staged, if the date already has it. */
    public Optional<Path> stagedCopy(LocalDate planDate, String sha256) {
        return jdbc.sql("select staged_path from input_files where plan_date = ? and sha256 = ?")
                .params(planDate, sha256).query(String.class).optional().map(Path::of);
    }

    /** @param remoteName the file's name in the SFTP inbox, or null for a file from the local folder */
    public long register(LocalDate planDate, String fileName, InputFileKind kind, long sizeBytes, String sha256, Path staged,
                         String remoteName) {
        jdbc.sql("""
                insert into input_files (plan_date, file_name, kind, size_bytes, sha256, staged_path, status, registered_at,
                    source, remote_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planDate, fileName, kind.name(), sizeBytes, sha256, staged.toString(), REGISTERED, OffsetDateTime.now(),
                        remoteName == null ? "LOCAL" : "SFTP", remoteName)
                .update();
        return jdbc.sql("select id from input_files where plan_date = ? and sha256 = ?")
                .params(planDate, sha256).query(Long.class).single();
    }

    /** Refuses a whole file before any row of it is read: it will never be ingested as it is. */
    public void markRejected(long id, String code, String message) {
        jdbc.sql("update input_files set status = ?, reject_code = ?, reject_message = ?, rows_read = 0, rows_accepted = 0, "
                + "rows_rejected = 0 where id = ?").params(REJECTED, code, OrderStore.fitted(message, 2000), id).update();
    }

    public List<InputFile> awaitingIngest(LocalDate planDate) {
        return jdbc.sql("select * from input_files where plan_date = ? and kind = ? and status = ? order by id")
                .params(planDate, InputFileKind.ORDERS.name(), REGISTERED).query(InputFileStore::map).list();
    }

    public Optional<InputFile> latest(LocalDate planDate, InputFileKind kind) {
        return jdbc.sql("select * from input_files where plan_date = ? and kind = ? order by id desc")
                .params(planDate, kind.name()).query(InputFileStore::map).stream().findFirst();
    }

    public InputFile get(long id) {
        return jdbc.sql("select * from input_files where id = ?").param(id).query(InputFileStore::map).single();
    }

    public void markIngested(long id, long read, long accepted, long rejected) {
        jdbc.sql("update input_files set status = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ? where id = ?")
                .params(INGESTED, read, accepted, rejected, id).update();
    }

    /** Rows read from all orders files of the date; every one of them is an order or a reject. */
    public long rowsRead(LocalDate planDate) {
        return jdbc.sql("select coalesce(sum(rows_read), 0) from input_files where plan_date = ? and kind = ?")
                .params(planDate, InputFileKind.ORDERS.name()).query(Long.class).single();
    }

    private static InputFile map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new InputFile(rs.getLong("id"), rs.getString("file_name"), InputFileKind.valueOf(rs.getString("kind")),
                Path.of(rs.getString("staged_path")), rs.getString("status"), rs.getString("remote_name"));
    }
}
