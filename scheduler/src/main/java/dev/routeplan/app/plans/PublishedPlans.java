package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What was published for a date: each depot's current revision and its history, and the files
 * themselves, handed out only when registered, inside their revision's folder and unchanged
 * since they were published. Every file handed out (or refused) is on the audit log.
 */
@Service
public class PublishedPlans {

    private static final Logger log = LoggerFactory.getLogger(PublishedPlans.class);
    private static final String KEPT_REVISIONS = "revisions";

    private final PlanRevisionStore revisions;
    private final PublishedArtifacts artifacts;
    private final CheckedHandOut handOut;
    private final JdbcClient jdbc;

    PublishedPlans(PlanRevisionStore revisions, PublishedArtifacts artifacts, CheckedHandOut handOut, JdbcClient jdbc) {
        this.revisions = revisions;
        this.artifacts = artifacts;
        this.handOut = handOut;
        this.jdbc = jdbc;
    }

    /** The current revision of the run-wide files and of each depot, the run-wide one first. */
    public List<PublishedRevision> current(LocalDate planDate) {
        List<PublishedRevision> current = revisions.latestOfEach(planDate).stream()
                .map(r -> new PublishedRevision(r.depotId(), r.revision(), r.fingerprint(), r.attempt(), r.publishedAt(), true,
                        artifacts.in(planDate, r.folder())))
                .toList();
        if (current.isEmpty()) {
            throw PlanFileException.notFound("nothing was published for " + planDate);
        }
        return current;
    }

    /** The latest dates anything was published for, newest first. */
    public List<LocalDate> recentDates(int limit) {
        return jdbc.sql("select distinct plan_date from plan_revisions order by plan_date desc fetch first ? rows only")
                .param(limit).query(LocalDate.class).list();
    }

    /** Every revision of a depot's plan, the current one first. */
    public List<PublishedRevision> history(LocalDate planDate, String depotId) {
        List<Revision> all = all(planDate, depotId);
        if (all.isEmpty()) {
            throw PlanFileException.notFound("no plan of depot " + depotId + " was published for " + planDate);
        }
        return all.stream().map(r -> new PublishedRevision(r.depotId(), r.revision(), r.fingerprint(), r.attempt(),
                r.publishedAt(), r == all.get(0), artifacts.in(planDate, folderOf(r, all)))).toList();
    }

    /**
     * A file of a depot's revision ({@link PlanRevisionStore#RUN_WIDE} for the run-wide files), checked
     * and audited, ready to be sent.
     *
     * @param revision a revision number, or null for the current one
     * @param kinds    the kinds of file this caller may have, or empty for any
     */
    public Artifact file(LocalDate planDate, String depotId, String name, Integer revision, Set<ArtifactKind> kinds) {
        String target = "plan " + planDate + " " + (PlanRevisionStore.RUN_WIDE.equals(depotId) ? "run-wide" : depotId)
                + (revision == null ? "" : " r" + revision) + " " + name;
        return handOut.handOut(target, name, () -> folder(planDate, depotId, revision)
                        .flatMap(folder -> artifacts.named(planDate, folder, name)
                                .filter(a -> insideWithoutLinks(a.path(), folder)))
                        .filter(a -> kinds.isEmpty() || kinds.contains(a.kind())),
                "not a published file", name + " is not a published file of " + planDate
                        + (revision == null ? "" : " revision " + revision), "published");
    }

    private Optional<Path> folder(LocalDate planDate, String depotId, Integer revision) {
        List<Revision> all = all(planDate, depotId);
        return all.stream().filter(r -> revision == null || r.revision() == revision).findFirst()
                .map(r -> folderOf(r, all));
    }

    /**
     * Where a revision's files are: the current one's in its folder; an earlier one's where the
     * publish step kept them ({@code revisions/r<N>/}), or still in its own folder when no later
     * revision was published there.
     */
    private Path folderOf(Revision revision, List<Revision> newestFirst) {
        if (revision == newestFirst.get(0)) {
            return revision.folder();
        }
        Path kept = revision.folder().resolve(KEPT_REVISIONS).resolve("r" + revision.revision());
        boolean overwritten = newestFirst.stream()
                .anyMatch(r -> r.revision() > revision.revision() && r.folder().equals(revision.folder()));
        return overwritten ? kept : revision.folder();
    }

    /** The registered path is the file itself, not a link out of its folder. */
    private static boolean insideWithoutLinks(Path file, Path folder) {
        Path here = folder.toAbsolutePath().normalize();
        return file.normalize().startsWith(here) && !Files.isSymbolicLink(file)
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private List<Revision> all(LocalDate planDate, String depotId) {
        return jdbc.sql("select * from plan_revisions where plan_date = ? and depot_id = ? order by revision desc")
                .params(planDate, depotId)
                .query((rs, n) -> new Revision(rs.getObject("plan_date", LocalDate.class), rs.getString("depot_id"),
                        rs.getInt("revision"), rs.getString("fingerprint").trim(), rs.getLong("attempt"),
                        Path.of(rs.getString("folder")), rs.getObject("published_at", java.time.OffsetDateTime.class)))
                .list();
    }

}
