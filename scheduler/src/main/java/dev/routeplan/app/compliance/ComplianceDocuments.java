package dev.routeplan.app.compliance;

import dev.routeplan.app.plans.Artifact;
import dev.routeplan.app.plans.PlanFileException;
import dev.routeplan.app.plans.PublishedPlans;
import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.PlanRevisionStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A date's compliance report and evidence workbook: which are published, and one handed out
 * (checked and audited by {@link PublishedPlans}). The API and the console's page both ask here,
 * so both hand out the same files under the same rules.
 */
@Service
public class ComplianceDocuments {

    /** The run-wide files a compliance officer may download; a plan file is the planners'. */
    static final Set<ArtifactKind> DOCUMENTS = Set.of(ArtifactKind.COMPLIANCE_PDF, ArtifactKind.COMPLIANCE_XLSX);

    private final PublishedPlans plans;

    public ComplianceDocuments(PublishedPlans plans) {
        this.plans = plans;
    }

    /** The date's current compliance documents; none when it was verified but not (yet) published. */
    public List<Artifact> published(LocalDate date) {
        try {
            return plans.current(date).stream().filter(r -> PlanRevisionStore.RUN_WIDE.equals(r.depotId()))
                    .flatMap(r -> r.artifacts().stream()).filter(a -> DOCUMENTS.contains(a.kind())).toList();
        } catch (PlanFileException nothingPublished) {
            // verified but not (yet) published: the figures stand without the documents
            return List.of();
        }
    }

    public Optional<Artifact> published(LocalDate date, ArtifactKind kind) {
        return published(date).stream().filter(a -> a.kind() == kind).findFirst();
    }

    /**
     * The named document of the date's current revision, ready to send.
     *
     * @throws PlanFileException when the name is not plain, not a published compliance document, or changed on disk
     */
    public Artifact file(LocalDate date, String name) {
        return plans.file(date, PlanRevisionStore.RUN_WIDE, name, null, DOCUMENTS);
    }
}
