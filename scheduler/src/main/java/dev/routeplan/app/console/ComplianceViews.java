package dev.routeplan.app.console;

import dev.routeplan.app.compliance.ComplianceDocuments;
import dev.routeplan.app.compliance.ComplianceProofs;
import dev.routeplan.app.compliance.ComplianceProofs.FailingRule;
import dev.routeplan.app.compliance.ComplianceProofs.PackUsed;
import dev.routeplan.app.compliance.ComplianceProofs.RouteStanding;
import dev.routeplan.app.compliance.ComplianceProofs.StoredCheck;
import dev.routeplan.app.compliance.ComplianceProofs.Verification;
import dev.routeplan.app.compliance.Reverification;
import dev.routeplan.app.plans.Artifact;
import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.planning.domain.RouteStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the compliance pages show, made from the compliance use cases' records. */
@ConditionalOnWebApplication
@Component
class ComplianceViews {

    /** A date's verification as its page shows it. */
    record Report(LocalDate date, int routes, long passed, long blocked, List<PackUsed> packs,
                  Map<String, Long> checksByVerdict, List<FailingRule> failingRules, List<RouteStanding> routeList,
                  List<Document> documents, List<Verification> verifications) {

        /** Routes blocked by a withdrawal after the night (their stored checks are still the night's). */
        public long withdrawn() {
            return verifications.stream().mapToLong(Verification::routesWithdrawn).sum();
        }
    }

    /** A compliance document to download from the console. */
    record Document(String name, String label, String size, String sha256, String url) {
    }

    /** One rule's verdict on a route, its evidence as name and value. */
    record CheckRow(String ruleId, String verdict, String severity, String message, Instant checkedAt, List<Fact> evidence) {
    }

    /** One field of the evidence: a value, or a list's items one a line. */
    record Fact(String name, List<String> lines) {
    }

    /** The answer to a what-if, as asked. */
    record Answer(WhatIfForm form, String assumption, String rulePack, String grapStage, String grapSource, int checked,
                  long illegal, long alreadyBlocked, List<IllegalRoute> newlyIllegal) {
    }

    /** A published route the what-if makes illegal, and the rules it would break. */
    record IllegalRoute(String depotId, String vehicleId, List<Failure> failures) {
    }

    record Failure(String ruleId, String message) {

        private static final int SHORT = 160;

        /** Whether the reason is long enough (every stretch in Delhi, listed) to fold under its beginning. */
        public boolean isLong() {
            return message.length() > SHORT + 40;
        }

        public String beginning() {
            return isLong() ? message.substring(0, SHORT) + "…" : message;
        }
    }

    private final ComplianceProofs proofs;
    private final ComplianceDocuments documents;
    private final JsonMapper json;

    ComplianceViews(ComplianceProofs proofs, ComplianceDocuments documents, JsonMapper json) {
        this.proofs = proofs;
        this.documents = documents;
        this.json = json;
    }

    /** The date's report; empty when nothing of it was verified. */
    Optional<Report> report(LocalDate date) {
        List<RouteStanding> routes = proofs.routes(date);
        List<PackUsed> packs = proofs.packsUsed(date);
        if (routes.isEmpty() && packs.isEmpty()) {
            return Optional.empty();
        }
        long blocked = routes.stream().filter(r -> RouteStatus.BLOCKED.name().equals(r.status())).count();
        List<Document> published = documents.published(date).stream().map(a -> document(date, a)).toList();
        return Optional.of(new Report(date, routes.size(), routes.size() - blocked, blocked, packs,
                proofs.checksByVerdict(date), proofs.failingRules(date), routes, published, proofs.verifications(date)));
    }

    List<CheckRow> checks(List<StoredCheck> stored) {
        return stored.stream().map(c -> new CheckRow(c.ruleId(), c.verdict(), c.severity(), c.message(),
                c.checkedAt() == null ? null : c.checkedAt().toInstant(), facts(c.evidenceJson()))).toList();
    }

    Answer answer(WhatIfForm form, Reverification.Result result) {
        long illegal = result.routes().stream().filter(Reverification.RouteChange::illegalNow).count();
        List<IllegalRoute> newlyIllegal = result.newlyIllegal().stream()
                .map(c -> new IllegalRoute(c.depotId(), c.vehicleId(),
                        c.failures().stream().map(ComplianceViews::failure).toList()))
                .toList();
        return new Answer(form, form.assumption(), result.pack().id() + " " + result.pack().version(), result.grapStage(),
                result.grapSource(), result.routes().size(), illegal, illegal - newlyIllegal.size(), newlyIllegal);
    }

    /** A failure line of the verifier, {@code "DL-GRAP-4: message"}: its rule. */
    static String ruleId(String failure) {
        return failure(failure).ruleId();
    }

    private static Failure failure(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? new Failure("", line) : new Failure(line.substring(0, colon), line.substring(colon + 2));
    }

    /** The evidence's fields in the verifier's order; a nested value as compact JSON, plain text as it is. */
    private List<Fact> facts(String evidence) {
        if (evidence == null || evidence.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = json.readTree(evidence);
        } catch (JacksonException notJson) {
            return List.of(new Fact("evidence", List.of(evidence)));
        }
        if (!node.isObject()) {
            return List.of(new Fact("evidence", lines(node)));
        }
        List<Fact> facts = new ArrayList<>();
        node.properties().forEach(field -> facts.add(new Fact(field.getKey(), lines(field.getValue()))));
        return facts;
    }

    /** A list of citations or intervals reads better one item a line than as JSON; a list of short names, on one line. */
    private static List<String> lines(JsonNode value) {
        if (value.isArray() && value.valueStream().allMatch(JsonNode::isValueNode)) {
            List<String> items = value.valueStream().map(JsonNode::asString).toList();
            return items.stream().allMatch(item -> item.length() <= 16) ? List.of(String.join(", ", items)) : items;
        }
        return List.of(value.isValueNode() ? value.asString() : value.toString());
    }

    private static Document document(LocalDate date, Artifact artifact) {
        String label = artifact.kind() == ArtifactKind.COMPLIANCE_PDF ? "Compliance report (PDF)" : "Evidence workbook (Excel)";
        String url = UriComponentsBuilder.fromPath("/compliance/files/{name}").queryParam("date", date).encode()
                .buildAndExpand(artifact.name()).toUriString();
        return new Document(artifact.name(), label, size(artifact.sizeBytes()), artifact.sha256(), url);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
