package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ArtifactKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registered files of a date, read by folder. The table keeps no revision column: a
 * revision's files are the ones registered directly in its folder (a kept earlier revision's in
 * {@code revisions/r<N>/} below it), which is exactly where the publish step puts them.
 */
@Repository
public class PublishedArtifacts {

    private final JdbcClient jdbc;

    public PublishedArtifacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The files registered directly in {@code folder} (not in folders below it), by name. */
    public List<Artifact> in(LocalDate planDate, Path folder) {
        Path here = folder.toAbsolutePath().normalize();
        return all(planDate).stream()
                .filter(a -> here.equals(a.path().getParent()))
                .sorted(Comparator.comparing(Artifact::name))
                .toList();
    }

    /** The file of that name registered directly in {@code folder}. */
    public Optional<Artifact> named(LocalDate planDate, Path folder, String name) {
        Path path = folder.toAbsolutePath().normalize().resolve(name).normalize();
        return jdbc.sql("select * from artifacts where plan_date = ? and path = ?")
                .params(planDate, path.toString())
                .query(PublishedArtifacts::map).optional()
                .filter(a -> folder.toAbsolutePath().normalize().equals(a.path().getParent()));
    }

    /** The files of one kind registered for the date, wherever they are, by name. */
    public List<Artifact> ofKind(LocalDate planDate, ArtifactKind kind) {
        return jdbc.sql("select * from artifacts where plan_date = ? and kind = ?").params(planDate, kind.name())
                .query(PublishedArtifacts::map).list().stream()
                .sorted(Comparator.comparing(Artifact::name))
                .toList();
    }

    private List<Artifact> all(LocalDate planDate) {
        return jdbc.sql("select * from artifacts where plan_date = ?").param(planDate).query(PublishedArtifacts::map).list();
    }

    private static Artifact map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Artifact(Path.of(rs.getString("path")).toAbsolutePath().normalize(), ArtifactKind.valueOf(rs.getString("kind")),
                rs.getLong("size_bytes"), rs.getString("sha256").trim(), rs.getObject("created_at", OffsetDateTime.class));
    }
}
