package dev.routeplan.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the API, the schedule and the commands call to put an action on record: it takes who
 * and from where from the current request (or names the system actor when there is none).
 */
@Component
public class Audit {

    /** The subject of actions the service takes by itself (schedules, start-up recovery). */
    public static final String SYSTEM = "system";

    private final AuditLog log;
    private final Clock clock;

    public Audit(AuditLog log) {
        this.log = log;
        this.clock = Clock.systemUTC();
    }

    public void succeeded(AuditAction action, String target, String detail) {
        record(action, target, AuditEntry.Outcome.SUCCEEDED, detail);
    }

    public void refused(AuditAction action, String target, String reason) {
        record(action, target, AuditEntry.Outcome.REFUSED, reason);
    }

    public void failed(AuditAction action, String target, String reason) {
        record(action, target, AuditEntry.Outcome.FAILED, reason);
    }

    public void record(AuditAction action, String target, AuditEntry.Outcome outcome, String detail) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String subject = who == null || !who.isAuthenticated() ? SYSTEM : who.getName();
        Set<String> roles = who == null ? Set.of() : who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        recordAs(subject, roles, action, target, outcome, detail);
    }

    /**
     * For an action asked either over the API (the security context says who) or from the command
     * line, by {@code commandLineUser}, the operating system's user, with no roles; null inside a request.
     */
    public void record(String commandLineUser, AuditAction action, String target, AuditEntry.Outcome outcome, String detail) {
        if (commandLineUser == null) {
            record(action, target, outcome, detail);
        } else {
            recordAs(commandLineUser, Set.of(), action, target, outcome, detail);
        }
    }

    /**
     * For an actor the security context does not hold yet, such as a machine client at the
     * token endpoint (authenticated as a client, its roles in its registration).
     */
    public void recordAs(String subject, Set<String> roles, AuditAction action, String target, AuditEntry.Outcome outcome,
                         String detail) {
        log.append(new AuditEntry(clock.instant(), subject, roles, action, target, clientAddress(), outcome,
                detail == null ? null : truncate(detail)));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "local";
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}
