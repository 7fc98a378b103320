package dev.routeplan.app.audit;

import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/audit}: the audit log for administrators, filtered and paged, newest first. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/v1/audit")
public class AuditApi {

    static final int MAX_PAGE_SIZE = 500;

    private final AuditLog log;

    public AuditApi(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    public AuditPage list(@RequestParam(required = false) AuditAction action,
                          @RequestParam(required = false) String subject,
                          @RequestParam(required = false) AuditEntry.Outcome outcome,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        return log.find(new AuditFilter(action, subject, outcome, from, to), page, size);
    }
}
