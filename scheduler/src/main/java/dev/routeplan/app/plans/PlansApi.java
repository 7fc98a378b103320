package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.PlanRevisionStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Published plans of a date, their revisions, and downloads of every file of them. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/v1/plans/{date}")
public class PlansApi {

    /** One file of a revision, with where to download it. */
    public record FileView(String name, ArtifactKind kind, long sizeBytes, String sha256, String url) {
    }

    /** One revision: its number, fingerprint, when it was published and its files. */
    public record RevisionView(String depotId, int revision, String fingerprint, long attempt, Instant publishedAt,
                               boolean current, List<FileView> files) {
    }

    /** The current revision of the run-wide files and of each depot. */
    public record PlanDayView(LocalDate planDate, RevisionView runWide, List<RevisionView> depots) {
    }

    /** A depot's current revision and every revision, newest first. */
    public record DepotPlanView(LocalDate planDate, String depotId, RevisionView current, List<RevisionView> history) {
    }

    private final PublishedPlans plans;

    public PlansApi(PublishedPlans plans) {
        this.plans = plans;
    }

    @GetMapping
    @PreAuthorize("hasRole('PLANNER')")
    public PlanDayView day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        List<RevisionView> current = plans.current(date).stream().map(r -> view(date, r)).toList();
        RevisionView runWide = current.stream().filter(r -> r.depotId() == null).findFirst().orElse(null);
        return new PlanDayView(date, runWide, current.stream().filter(r -> r.depotId() != null).toList());
    }

    @GetMapping("/depots/{depot}")
    @PreAuthorize("hasRole('PLANNER')")
    public DepotPlanView depot(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               @PathVariable String depot) {
        List<RevisionView> history = plans.history(date, depotId(depot)).stream().map(r -> view(date, r)).toList();
        return new DepotPlanView(date, depot, history.get(0), history);
    }

    @GetMapping("/depots/{depot}/files/{name}")
    @PreAuthorize("hasRole('PLANNER')")
    public ResponseEntity<Resource> depotFile(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                              @PathVariable String depot, @PathVariable String name,
                                              @RequestParam(required = false) Integer revision) {
        return Downloads.of(plans.file(date, depotId(depot), name, revision, Set.of()));
    }

    @GetMapping("/files/{name}")
    @PreAuthorize("hasRole('PLANNER')")
    public ResponseEntity<Resource> runFile(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                            @PathVariable String name, @RequestParam(required = false) Integer revision) {
        return Downloads.of(plans.file(date, PlanRevisionStore.RUN_WIDE, name, revision, Set.of()));
    }

    /** The run-wide files have a URL of their own; {@code *} is not a depot. */
    private static String depotId(String depot) {
        if (PlanRevisionStore.RUN_WIDE.equals(depot)) {
            throw PlanFileException.notFound("no depot " + depot);
        }
        return depot;
    }

    private static RevisionView view(LocalDate date, PublishedRevision revision) {
        boolean runWide = PlanRevisionStore.RUN_WIDE.equals(revision.depotId());
        List<FileView> files = revision.artifacts().stream().map(a -> new FileView(a.name(), a.kind(), a.sizeBytes(),
                a.sha256(), url(date, runWide ? null : revision.depotId(), a.name(),
                        revision.current() ? null : revision.revision()))).toList();
        return new RevisionView(runWide ? null : revision.depotId(), revision.revision(), revision.fingerprint(),
                revision.attempt(), revision.publishedAt().toInstant(), revision.current(), files);
    }

    /** Where the API serves a file: a path on this service, so it holds behind any proxy. */
    public static String url(LocalDate date, String depotId, String name, Integer revision) {
        UriComponentsBuilder url = depotId == null
                ? UriComponentsBuilder.fromPath("/api/v1/plans/{date}/files/{name}")
                : UriComponentsBuilder.fromPath("/api/v1/plans/{date}/depots/{depot}/files/{name}");
        if (revision != null) {
            url.queryParam("revision", revision);
        }
        // encoded before expansion, so a variable is encoded whole: a '/' in it stays data
        return depotId == null ? url.encode().buildAndExpand(date, name).toUriString()
                : url.encode().buildAndExpand(date, depotId, name).toUriString();
    }
}
