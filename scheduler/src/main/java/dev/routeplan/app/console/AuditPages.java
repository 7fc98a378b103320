package dev.routeplan.app.console;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.app.audit.AuditFilter;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.audit.AuditPage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /audit} for ADMIN: the audit log newest first, paged, filtered by whatever
 * {@link AuditFilter} takes (action, subject, outcome, a range of IST dates). The same
 * {@link AuditLog#find} as {@code GET /api/v1/audit}.
 */
@ConditionalOnWebApplication
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditLog log;

    AuditPages(AuditLog log) {
        this.log = log;
    }

    /** The filters as typed (so the form shows them again) and as parsed. */
    record Filters(String action, String subject, String outcome, String from, String to, int page) {

        /** Dates are IST days: from its first instant to the end of the {@code to} day. */
        AuditFilter parsed(List<String> problems) {
            AuditAction auditAction = named(AuditAction.class, "action", action, problems);
            AuditEntry.Outcome auditOutcome = named(AuditEntry.Outcome.class, "outcome", outcome, problems);
            LocalDate fromDate = date("from", from, problems);
            LocalDate toDate = date("to", to, problems);
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                problems.add("the date range ends before it begins");
            }
            Instant fromInstant = fromDate == null ? null : fromDate.atStartOfDay(ConsoleTimes.ZONE).toInstant();
            Instant toInstant = toDate == null ? null : toDate.plusDays(1).atStartOfDay(ConsoleTimes.ZONE).toInstant();
            return new AuditFilter(auditAction, blankToNull(subject), auditOutcome, fromInstant, toInstant);
        }

        /** The query string of these filters on another page. */
        public String query(int otherPage) {
            UriComponentsBuilder q = UriComponentsBuilder.newInstance().queryParam("page", otherPage);
            add(q, "action", action);
            add(q, "subject", subject);
            add(q, "outcome", outcome);
            add(q, "from", from);
            add(q, "to", to);
            return q.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.queryParam(name, value.strip());
            }
        }

        private static <E extends Enum<E>> E named(Class<E> type, String name, String value, List<String> problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(name + " " + value + " is not one of the log's");
                return null;
            }
        }

        private static LocalDate date(String name, String value, List<String> problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                problems.add(name + " " + value + " is not a date like 2026-12-01");
                return null;
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String subject,
                 @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        Filters filters = new Filters(action, subject, outcome, from, to, Math.max(0, page));
        List<String> problems = new ArrayList<>();
        AuditFilter filter = filters.parsed(problems);
        AuditPage rows = problems.isEmpty() ? log.find(filter, filters.page(), PAGE_SIZE)
                : new AuditPage(List.of(), 0, PAGE_SIZE, 0);
        model.addAttribute("filters", filters);
        model.addAttribute("problems", problems);
        model.addAttribute("rows", rows);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("outcomes", AuditEntry.Outcome.values());
        model.addAttribute("lastPage", Math.max(0, (rows.total() - 1) / PAGE_SIZE));
        return "console/audit";
    }
}
