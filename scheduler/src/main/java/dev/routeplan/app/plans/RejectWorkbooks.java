package dev.routeplan.app.plans;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.batch.store.ArtifactKind;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The workbooks of rejected rows the ingest step gives back per orders file
 * ({@code DATE/rejects/<file>.rejects.xlsx}): listed for a date, and handed out as the published
 * plans are, only when registered, a plain name and unchanged since written. Every file handed
 * out (or refused) is on the audit log.
 */
@Service
public class RejectWorkbooks {

    private static final Logger log = LoggerFactory.getLogger(RejectWorkbooks.class);

    private final PublishedArtifacts artifacts;
    private final ArtifactIntegrity integrity;
    private final Audit audit;

    public RejectWorkbooks(PublishedArtifacts artifacts, ArtifactIntegrity integrity, Audit audit) {
        this.artifacts = artifacts;
        this.integrity = integrity;
        this.audit = audit;
    }

    /** The date's rejects workbooks, one per orders file that had rejected rows, by name. */
    public List<Artifact> of(LocalDate planDate) {
        return artifacts.ofKind(planDate, ArtifactKind.REJECTS_XLSX);
    }

    /** One of them by name, checked and audited, ready to be sent. */
    public Artifact file(LocalDate planDate, String name) {
        String target = "rejects " + planDate + " " + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"));
        if (!ArtifactNames.isPlain(name)) {
            audit.refused(AuditAction.DOWNLOAD, target, "not a plain file name");
            throw PlanFileException.badName(name);
        }
        Optional<Artifact> found = of(planDate).stream().filter(a -> a.name().equals(name))
                .filter(a -> !Files.isSymbolicLink(a.path()) && Files.isRegularFile(a.path(), LinkOption.NOFOLLOW_LINKS))
                .findFirst();
        if (found.isEmpty()) {
            audit.refused(AuditAction.DOWNLOAD, target, "not a rejects workbook");
            throw PlanFileException.notFound(name + " is not a rejects workbook of " + planDate);
        }
        Artifact artifact = found.get();
        if (!integrity.intact(artifact)) {
            log.error("rejects workbook {} of {} no longer matches its SHA-256 {}; refused", artifact.path(), planDate,
                    artifact.sha256());
            audit.failed(AuditAction.DOWNLOAD, target, "changed on disk since written (sha256 " + artifact.sha256() + ")");
            throw PlanFileException.changedOnDisk(name);
        }
        audit.succeeded(AuditAction.DOWNLOAD, target, "sha256 " + artifact.sha256() + ", " + artifact.sizeBytes() + " bytes");
        return artifact;
    }
}
