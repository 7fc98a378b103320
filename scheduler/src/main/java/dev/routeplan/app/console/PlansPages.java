package dev.routeplan.app.console;

import dev.routeplan.app.plans.Artifact;
import dev.routeplan.app.plans.Downloads;
import dev.routeplan.app.plans.PlanFileException;
import dev.routeplan.app.plans.PlanRoutes;
import dev.routeplan.app.plans.PlanRoutes.DepotRoutes;
import dev.routeplan.app.plans.PublishedPlans;
import dev.routeplan.app.plans.PublishedRevision;
import dev.routeplan.app.plans.RevisionChanges;
import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.PlanRevisionStore;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /plans?date=} for PLANNER: each depot of the date as a card (its route map, vehicles,
 * stops, km, unassigned orders and current revision, with its files to download), the run-wide
 * files, the unassigned orders with their reasons and each depot's revisions with what changed
 * between them. Files are handed out by the same {@link PublishedPlans#file} as the plans API
 * (registered, unchanged on disk, audited), under console URLs the session may reach.
 */
@ConditionalOnWebApplication
@Controller
class PlansPages {

    private static final int RECENT_DATES = 7;

    private final PublishedPlans plans;
    private final PlanRoutes routes;
    private final RevisionChanges revisions;

    PlansPages(PublishedPlans plans, PlanRoutes routes, RevisionChanges revisions) {
        this.plans = plans;
        this.routes = routes;
        this.revisions = revisions;
    }

    /** A depot of the date: its plan, its current revision (null when none was published) and its map. */
    record DepotCard(LocalDate date, DepotRoutes plan, PublishedRevision revision, RouteMapSvg map) {

        public List<PlanRoutes.Route> published() {
            return plan.routes().stream().filter(PlanRoutes.Route::published).toList();
        }

        public int vehicles() {
            return published().size();
        }

        public int stops() {
            return published().stream().mapToInt(r -> r.stops().size()).sum();
        }

        public double km() {
            return published().stream().mapToDouble(PlanRoutes.Route::km).sum();
        }

        public long blocked() {
            return plan.routes().stream().filter(r -> "BLOCKED".equals(r.status())).count();
        }

        public String colour(int index) {
            return RouteMapSvg.colour(index);
        }

        public List<FileLink> files() {
            return FileLink.of(date, revision);
        }
    }

    /** A file of a revision to download: what it is, its name and size, its SHA-256 and the console URL serving it. */
    record FileLink(String label, String name, long sizeBytes, String sha256, String url) {

        /** The order a planner looks for them in: the plan, what drivers take, the map, then the day's other files. */
        private static final List<ArtifactKind> ORDER = List.of(ArtifactKind.PLAN_XLSX, ArtifactKind.MANIFEST_PDF,
                ArtifactKind.ROUTE_MAP_PNG, ArtifactKind.RUN_PLAN_XLSX, ArtifactKind.ROUTES_CSV, ArtifactKind.UNASSIGNED_CSV,
                ArtifactKind.SUMMARY_JSON, ArtifactKind.VEHICLES_SET_ASIDE_CSV, ArtifactKind.REJECTS_CSV,
                ArtifactKind.REJECTS_XLSX, ArtifactKind.COMPLIANCE_PDF, ArtifactKind.COMPLIANCE_XLSX);

        static List<FileLink> of(LocalDate date, PublishedRevision revision) {
            if (revision == null) {
                return List.of();
            }
            String depot = PlanRevisionStore.RUN_WIDE.equals(revision.depotId()) ? null : revision.depotId();
            return revision.artifacts().stream()
                    .sorted(Comparator.comparing((Artifact a) -> ORDER.indexOf(a.kind())).thenComparing(Artifact::name))
                    .map(a -> new FileLink(label(a.kind()), a.name(), a.sizeBytes(), a.sha256(),
                    url(date, depot, a.name(), revision.current() ? null : revision.revision()))).toList();
        }

        public String size() {
            return sizeBytes < 1024 ? sizeBytes + " B" : sizeBytes < 1024 * 1024
                    ? String.format(Locale.ROOT, "%.0f KB", sizeBytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
        }

        private static String label(ArtifactKind kind) {
            return switch (kind) {
                case PLAN_XLSX -> "Workbook";
                case MANIFEST_PDF -> "Driver manifests";
                case ROUTE_MAP_PNG -> "Route map";
                case RUN_PLAN_XLSX -> "All-depot workbook";
                case ROUTES_CSV -> "Routes";
                case UNASSIGNED_CSV -> "Unassigned orders";
                case REJECTS_CSV, REJECTS_XLSX -> "Rejected rows";
                case VEHICLES_SET_ASIDE_CSV -> "Vehicles set aside";
                case SUMMARY_JSON -> "Summary";
                case COMPLIANCE_PDF -> "Compliance report";
                case COMPLIANCE_XLSX -> "Compliance evidence";
            };
        }

        /** The console's URL of a file: the API's shape under {@code /plans}, each variable encoded whole. */
        private static String url(LocalDate date, String depotId, String name, Integer revision) {
            UriComponentsBuilder url = depotId == null
                    ? UriComponentsBuilder.fromPath("/plans/{date}/files/{name}")
                    : UriComponentsBuilder.fromPath("/plans/{date}/depots/{depot}/files/{name}");
            if (revision != null) {
                url.queryParam("revision", revision);
            }
            return depotId == null ? url.encode().buildAndExpand(date, name).toUriString()
                    : url.encode().buildAndExpand(date, depotId, name).toUriString();
        }
    }

    /** A revision in a depot's history: when, which run attempt, what changed and its files. */
    record HistoryRow(RevisionChanges.Entry entry, List<FileLink> files) {

        /** So many are named; a night that moved thousands of orders says how many more (the workbooks have them all). */
        static final int NAMED = 100;

        public String listed(List<String> items) {
            String named = String.join(", ", items.subList(0, Math.min(NAMED, items.size())));
            return items.size() > NAMED ? named + " and " + (items.size() - NAMED) + " more" : named;
        }

        public List<String> moves() {
            List<RevisionChanges.Move> moved = entry.changes().ordersMoved();
            List<String> lines = new ArrayList<>(moved.stream().limit(NAMED)
                    .map(m -> m.orderId() + ": " + m.fromVehicle() + " → " + m.toVehicle()).toList());
            if (moved.size() > NAMED) {
                lines.add("and " + (moved.size() - NAMED) + " more");
            }
            return lines;
        }
    }

    /** An unassigned order with its depot, for the date's list. */
    record UnassignedRow(String depotId, PlanRoutes.Unassigned order) {
    }

    @GetMapping("/plans")
    @PreAuthorize("hasRole('PLANNER')")
    String plans(@RequestParam(required = false) String date, Model model, HttpServletResponse response) {
        List<LocalDate> recent = plans.recentDates(RECENT_DATES);
        model.addAttribute("recent", recent);
        model.addAttribute("dateText", date);
        if (date == null || date.isBlank()) {
            if (recent.isEmpty()) {
                model.addAttribute("message", "No plan has been published yet. A run that completes publishes one.");
                return "console/plans";
            }
            return day(recent.get(0), model, response);
        }
        Optional<LocalDate> day = parse(date);
        if (day.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "“" + date.strip() + "” is not a date like 2026-12-01.");
            return "console/plans";
        }
        return day(day.get(), model, response);
    }

    @GetMapping("/plans/{date}/depots/{depot}/files/{name}")
    @PreAuthorize("hasRole('PLANNER')")
    ResponseEntity<Resource> depotFile(@PathVariable String date, @PathVariable String depot, @PathVariable String name,
                                       @RequestParam(required = false) Integer revision) {
        if (PlanRevisionStore.RUN_WIDE.equals(depot)) {
            throw PlanFileException.notFound("no depot " + depot);
        }
        return Downloads.of(plans.file(pathDate(date), depot, name, revision, Set.of()));
    }

    @GetMapping("/plans/{date}/files/{name}")
    @PreAuthorize("hasRole('PLANNER')")
    ResponseEntity<Resource> runFile(@PathVariable String date, @PathVariable String name,
                                     @RequestParam(required = false) Integer revision) {
        return Downloads.of(plans.file(pathDate(date), PlanRevisionStore.RUN_WIDE, name, revision, Set.of()));
    }

    /** A file that is not there (or not a date, not a plain name): a page that says so, not the API's problem JSON. */
    @ExceptionHandler
    String noSuchFile(PlanFileException e, HttpServletResponse response, Model model) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("title", e.getStatusCode().value() == 404 ? "No such file" : "File not handed out");
        model.addAttribute("detail", e.getBody().getDetail());
        model.addAttribute("back", "/plans");
        model.addAttribute("backLabel", "Plans");
        return "console/problem";
    }

    private String day(LocalDate date, Model model, HttpServletResponse response) {
        model.addAttribute("date", date);
        List<PublishedRevision> current;
        try {
            current = plans.current(date);
        } catch (PlanFileException nothing) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", "Nothing was published for " + date + ". Pick another date, or run it on the Runs page.");
            return "console/plans";
        }
        Map<String, PublishedRevision> byDepot = current.stream()
                .collect(Collectors.toMap(PublishedRevision::depotId, Function.identity()));
        List<DepotCard> cards = routes.of(date).values().stream()
                .map(d -> new DepotCard(date, d, byDepot.get(d.depotId()), RouteMapSvg.of(d))).toList();
        PublishedRevision runWide = byDepot.get(PlanRevisionStore.RUN_WIDE);
        model.addAttribute("runWide", runWide);
        model.addAttribute("runFiles", FileLink.of(date, runWide));
        model.addAttribute("cards", cards);
        model.addAttribute("unassigned", cards.stream().flatMap(c -> c.plan().unassigned().stream()
                .map(u -> new UnassignedRow(c.plan().depotId(), u))).toList());
        List<String> publishedDepots = cards.stream().filter(c -> c.revision() != null).map(c -> c.plan().depotId()).toList();
        Map<String, List<HistoryRow>> histories = new LinkedHashMap<>();
        revisions.histories(date, publishedDepots).forEach((depot, entries) -> histories.put(depot,
                entries.stream().map(e -> new HistoryRow(e, FileLink.of(date, e.revision()))).toList()));
        model.addAttribute("histories", histories);
        return "console/plans";
    }

    private static Optional<LocalDate> parse(String date) {
        try {
            return Optional.of(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate pathDate(String date) {
        return parse(date).orElseThrow(() -> PlanFileException.notFound(date + " is not a date like 2026-12-01"));
    }
}
