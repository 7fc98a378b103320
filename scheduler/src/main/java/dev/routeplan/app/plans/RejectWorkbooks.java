package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ArtifactKind;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The workbooks of rejected rows the ingest step gives back per orders file
 * ({@code DATE/rejects/<file>.rejects.xlsx}): listed for a date, and handed out as the published
 * plans are, only when registered, a plain name and unchanged since written. Every file handed
 * out (or refused) is on the audit log.
 */
@Service
public class RejectWorkbooks {

    private final PublishedArtifacts artifacts;
    private final CheckedHandOut handOut;

    RejectWorkbooks(PublishedArtifacts artifacts, CheckedHandOut handOut) {
        this.artifacts = artifacts;
        this.handOut = handOut;
    }

    /** The date's rejects workbooks, one per orders file that had rejected rows, by name. */
    public List<Artifact> of(LocalDate planDate) {
        return artifacts.ofKind(planDate, ArtifactKind.REJECTS_XLSX);
    }

    /** One of them by name, checked and audited, ready to be sent. */
    public Artifact file(LocalDate planDate, String name) {
        return handOut.handOut("rejects " + planDate + " " + (name == null ? "" : name), name,
                () -> of(planDate).stream().filter(a -> a.name().equals(name))
                        .filter(a -> !Files.isSymbolicLink(a.path()) && Files.isRegularFile(a.path(), LinkOption.NOFOLLOW_LINKS))
                        .findFirst(),
                "not a rejects workbook", name + " is not a rejects workbook of " + planDate, "written");
    }
}
