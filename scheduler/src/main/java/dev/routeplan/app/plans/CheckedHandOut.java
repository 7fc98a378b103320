package dev.routeplan.app.plans;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a registered file is handed out, whichever its kind: only by a plain name, only when
 * registered, only when unchanged since written (its SHA-256); every answer, given or refused, is a
 * {@code DOWNLOAD} row on the audit log.
 */
@Component
class CheckedHandOut {

    private static final Logger log = LoggerFactory.getLogger(CheckedHandOut.class);

    private final ArtifactIntegrity integrity;
    private final Audit audit;

    CheckedHandOut(ArtifactIntegrity integrity, Audit audit) {
        this.integrity = integrity;
        this.audit = audit;
    }

    /**
     * @param target     the audit row's target (what was asked for)
     * @param lookup     the registered file of that name, looked up only when the name is plain
     * @param notOne     why it is refused when there is none (the audit row's detail)
     * @param notFound   the caller's message when there is none
     * @param writtenBy  what wrote it ("published", "written"), for the row of a file changed since
     */
    Artifact handOut(String target, String name, Supplier<Optional<Artifact>> lookup, String notOne, String notFound,
                     String writtenBy) {
        if (!ArtifactNames.isPlain(name)) {
            // a refused name may be anything a client sent: keep the audit row readable
            audit.refused(AuditAction.DOWNLOAD, target.replaceAll("\\p{Cntrl}", "?"), "not a plain file name");
            throw PlanFileException.badName(name);
        }
        Artifact artifact = lookup.get().orElse(null);
        if (artifact == null) {
            audit.refused(AuditAction.DOWNLOAD, target, notOne);
            throw PlanFileException.notFound(notFound);
        }
        if (!integrity.intact(artifact)) {
            log.error("{} ({}) no longer matches its SHA-256 {}; refused", target, artifact.path(), artifact.sha256());
            audit.failed(AuditAction.DOWNLOAD, target, "changed on disk since " + writtenBy + " (sha256 " + artifact.sha256() + ")");
            throw PlanFileException.changedOnDisk(name);
        }
        audit.succeeded(AuditAction.DOWNLOAD, target, "sha256 " + artifact.sha256() + ", " + artifact.sizeBytes() + " bytes");
        return artifact;
    }
}
