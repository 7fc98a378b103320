package dev.routeplan.app.compliance;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.compliance.ComplianceProofs.FailingRule;
import dev.routeplan.app.compliance.ComplianceProofs.PackUsed;
import dev.routeplan.app.compliance.ComplianceProofs.RouteStanding;
import dev.routeplan.app.compliance.ComplianceProofs.Verification;
import dev.routeplan.app.compliance.Reverification.RouteChange;
import dev.routeplan.app.plans.Artifact;
import dev.routeplan.app.plans.Downloads;
import dev.routeplan.app.plans.PlanFileException;
import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.planning.domain.RouteStatus;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A date's compliance: its figures and documents, one route's proof, and what-if verifications. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/v1/compliance/{date}")
public class ComplianceApi {

    /** A compliance document and where to download it. */
    public record DocumentView(String name, ArtifactKind kind, long sizeBytes, String sha256, String url) {
    }

    /** What a date's stored verification says, and its report and evidence workbook. */
    public record SummaryView(LocalDate planDate, List<PackUsed> rulePacks, int routes, long routesPassed, long routesBlocked,
                              Map<String, Long> checksByVerdict, List<FailingRule> failingRules,
                              List<RouteStanding> blockedRoutes, DocumentView report, DocumentView evidence,
                              List<Verification> verifications) {
    }

    /** One rule's verdict on a route, with its evidence as the verifier recorded it. */
    public record CheckView(String ruleId, String verdict, String severity, String message, Instant checkedAt,
                            JsonNode evidence) {
    }

    /** A route's proof: every rule checked, its verdict and evidence. */
    public record RouteProofView(LocalDate planDate, String routeId, String depotId, String status, double distanceKm,
                                 List<CheckView> checks) {
    }

    /** A what-if: a GRAP stage, or the moment whose stage applies; a rule pack by name; withdraw to act on it. */
    public record WhatIfRequest(Integer grapStage, OffsetDateTime at, String rulePack, Boolean withdraw) {
    }

    /** A rule a route fails, and why. */
    public record FailureView(String ruleId, String message) {
    }

    /** A published route the question makes illegal. */
    public record IllegalRouteView(String depotId, String vehicleId, RouteStatus storedStatus, boolean withdrawn,
                                   List<FailureView> failures) {
    }

    /** The rule pack a what-if was verified against. */
    public record PackView(String id, String version, String sha256) {
    }

    /** The answer to a what-if. */
    public record WhatIfView(LocalDate planDate, PackView rulePack, String grapStage, String grapSource, int routesChecked,
                             long routesIllegal, int withdrawn, List<IllegalRouteView> newlyIllegal) {
    }

    private final ComplianceProofs proofs;
    private final ComplianceDocuments documents;
    private final WhatIfs whatIfs;
    private final JsonMapper json;
    private final Audit audit;

    public ComplianceApi(ComplianceProofs proofs, ComplianceDocuments documents, WhatIfs whatIfs, JsonMapper json, Audit audit) {
        this.proofs = proofs;
        this.documents = documents;
        this.whatIfs = whatIfs;
        this.json = json;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasRole('COMPLIANCE')")
    public SummaryView summary(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        List<RouteStanding> routes = proofs.routes(date);
        List<PackUsed> packs = proofs.packsUsed(date);
        if (routes.isEmpty() && packs.isEmpty()) {
            throw PlanFileException.notFound("no verified plan for " + date);
        }
        List<Artifact> published = documents.published(date);
        List<RouteStanding> blocked = routes.stream().filter(r -> RouteStatus.BLOCKED.name().equals(r.status())).toList();
        return new SummaryView(date, packs, routes.size(), routes.size() - blocked.size(), blocked.size(),
                proofs.checksByVerdict(date), proofs.failingRules(date), blocked,
                document(date, published, ArtifactKind.COMPLIANCE_PDF), document(date, published, ArtifactKind.COMPLIANCE_XLSX),
                proofs.verifications(date));
    }

    @GetMapping("/files/{name}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public ResponseEntity<Resource> file(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                         @PathVariable String name) {
        return Downloads.of(documents.file(date, name));
    }

    @GetMapping("/routes/{routeId}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public RouteProofView route(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                @PathVariable String routeId) {
        RouteStanding route = proofs.route(date, routeId)
                .orElseThrow(() -> PlanFileException.notFound("no route " + routeId + " in the plan of " + date));
        List<CheckView> checks = proofs.checks(date, routeId).stream()
                .map(c -> new CheckView(c.ruleId(), c.verdict(), c.severity(), c.message(), c.checkedAt().toInstant(),
                        evidence(c.evidenceJson())))
                .toList();
        return new RouteProofView(date, routeId, route.depotId(), route.status(), route.distanceKm(), checks);
    }

    @PostMapping("/what-if")
    @PreAuthorize("hasAnyRole('PLANNER', 'COMPLIANCE')")
    public WhatIfView whatIf(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestBody WhatIfRequest request, Principal principal) {
        if (request.grapStage() != null && (request.grapStage() < 0 || request.grapStage() > 4)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "grapStage must be between 0 and 4");
        }
        if (request.grapStage() != null && request.at() != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give grapStage or at, not both");
        }
        WhatIfs.Question question = new WhatIfs.Question(request.grapStage(), request.at(), request.rulePack());
        boolean withdraw = Boolean.TRUE.equals(request.withdraw());
        Reverification.Result result;
        try {
            // withdrawing is the compliance officer's alone: the use case's own role rule decides
            result = withdraw ? whatIfs.withdraw(date, question, principal.getName())
                    : whatIfs.whatIf(date, question, principal.getName());
        } catch (Reverification.NoStoredPlanException e) {
            throw PlanFileException.notFound(e.getMessage());
        } catch (WhatIfs.UnknownRulePackException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (AccessDeniedException e) {
            audit.refused(AuditAction.WITHDRAW, "plan-date " + date, "withdrawing needs the COMPLIANCE role");
            throw e;
        }
        long illegal = result.routes().stream().filter(RouteChange::illegalNow).count();
        List<IllegalRouteView> newlyIllegal = result.newlyIllegal().stream()
                .map(c -> new IllegalRouteView(c.depotId(), c.vehicleId(), c.storedStatus(), withdraw,
                        c.failures().stream().map(ComplianceApi::failure).toList()))
                .toList();
        PackView pack = new PackView(result.pack().id(), result.pack().version(), result.pack().sha256());
        return new WhatIfView(date, pack, result.grapStage(), result.grapSource(), result.routes().size(), illegal,
                result.withdrawn(), newlyIllegal);
    }

    private static DocumentView document(LocalDate date, List<Artifact> documents, ArtifactKind kind) {
        Optional<Artifact> found = documents.stream().filter(a -> a.kind() == kind).findFirst();
        return found.map(a -> new DocumentView(a.name(), a.kind(), a.sizeBytes(), a.sha256(),
                UriComponentsBuilder.fromPath("/api/v1/compliance/{date}/files/{name}").encode()
                        .buildAndExpand(date, a.name()).toUriString())).orElse(null);
    }

    private JsonNode evidence(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException notJson) {
            // older rows may hold plain text; hand it over as it is
            return json.getNodeFactory().stringNode(text);
        }
    }

    private static FailureView failure(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? new FailureView(null, line) : new FailureView(line.substring(0, colon), line.substring(colon + 2));
    }
}
