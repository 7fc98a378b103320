package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.job.RunMetrics;
import dev.routeplan.batch.store.ArtifactStore;
import dev.routeplan.batch.store.FileTrees;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a depot's files (or the run-wide ones) as a revision. The same plan again writes
 * nothing: the files, their registration and their modification times stay as they were. A
 * changed plan is first written whole into a hidden folder beside the current files; only then are
 * the current files moved into {@code revisions/r<N>/}, where they are kept, and the new ones
 * moved into their place as revision N+1. A write that fails (a full disk) leaves the current
 * revision as it was, current and whole.
 */
public class PlanRevisions {

    /** What publishing did: the depot's current revision, and whether this run wrote it. */
    public record Published(String depotId, int revision, boolean changed) {
    }

    /** Writes the files of a new revision into the folder it is given. */
    @FunctionalInterface
    public interface Writing {
        void writeFiles(Path into) throws IOException;
    }

    /** Beside a depot's (or the run-wide) current files: {@code revisions/r<N>/} holds revision N. */
    public static final String REVISIONS_FOLDER = "revisions";
    /** Where a new revision is written before it replaces the current one; hidden from listings. */
    static final String NEXT_FOLDER = ".next-revision";
    private static final Logger log = LoggerFactory.getLogger(PlanRevisions.class);

    private final PlanRevisionStore revisions;
    private final ArtifactStore artifacts;

    private final RunMetrics metrics;

    public PlanRevisions(PlanRevisionStore revisions, ArtifactStore artifacts, RunMetrics metrics) {
        this.metrics = metrics;
        this.revisions = revisions;
        this.artifacts = artifacts;
    }

    public Published publish(PlanRunParameters run, String depotId, String fingerprint, Path folder, Writing writing)
            throws IOException {
        Path here = folder.toAbsolutePath().normalize();
        Optional<Revision> latest = revisions.latest(run.planDate(), depotId);
        // a run into another output folder must find its files there, so only the same folder counts as unchanged
        if (latest.isPresent() && latest.get().fingerprint().equals(fingerprint) && latest.get().folder().equals(here)) {
            log.info("plan {} {} unchanged since revision {} (fingerprint {}), nothing written", run.planDate(),
                    label(depotId), latest.get().revision(), fingerprint.substring(0, 12));
            return new Published(depotId, latest.get().revision(), false);
        }
        int revision = latest.map(r -> r.revision() + 1).orElse(1);
        Path next = writeAside(run, here, writing);
        if (latest.isPresent() && latest.get().folder().equals(here)) {
            keep(run, here, latest.get().revision());
        }
        for (Path file : currentFiles(next)) {
            Path target = here.resolve(file.getFileName());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            artifacts.move(run.planDate(), file.toString(), target.toString());
        }
        Files.delete(next);
        revisions.record(new Revision(run.planDate(), depotId, revision, fingerprint, run.attempt(), here, OffsetDateTime.now()));
        metrics.published(depotId, currentFiles(here).size());
        log.info("plan {} {} published as revision {} (fingerprint {})", run.planDate(), label(depotId), revision,
                fingerprint.substring(0, 12));
        return new Published(depotId, revision, true);
    }

    /**
     * Writes the new revision's files into the hidden folder, emptied first of what an attempt that
     * died there left; when the writing fails, what it wrote is removed and unregistered.
     */
    private Path writeAside(PlanRunParameters run, Path here, Writing writing) throws IOException {
        Path next = here.resolve(NEXT_FOLDER);
        removeAside(run, next);
        try {
            writing.writeFiles(next);
        } catch (IOException | RuntimeException e) {
            removeAside(run, next);
            throw e;
        }
        return next;
    }

    private void removeAside(PlanRunParameters run, Path next) {
        FileTrees.deleteTree(next).forEach(file -> artifacts.forget(run.planDate(), file.toString()));
    }

    /** Moves the current files of the folder into {@code revisions/r<revision>/}, registered there. */
    private void keep(PlanRunParameters run, Path folder, int revision) throws IOException {
        Path kept = Files.createDirectories(folder.resolve(REVISIONS_FOLDER).resolve("r" + revision));
        for (Path file : currentFiles(folder)) {
            Path target = kept.resolve(file.getFileName());
            if (Files.exists(target)) {
                // an attempt that died after keeping this revision: what is here now is half a new one
                Files.delete(file);
                artifacts.forget(run.planDate(), file.toString());
                continue;
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            artifacts.move(run.planDate(), file.toString(), target.toString());
        }
        log.info("plan {} revision {} kept in {}", run.planDate(), revision, kept);
    }

    /** The published files directly in a folder: not its sub-folders, not a temporary file being written. */
    static List<Path> currentFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static String label(String depotId) {
        return PlanRevisionStore.RUN_WIDE.equals(depotId) ? "run-wide files" : "depot " + depotId;
    }
}
