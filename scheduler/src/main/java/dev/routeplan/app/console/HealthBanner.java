package dev.routeplan.app.console;

import dev.routeplan.app.schedule.DeadlineMonitor;
import dev.routeplan.app.schedule.DeadlineMonitor.Night;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Component;

/**
 * What the console's banner warns of: a part the nightly run needs that is down (the database,
 * Quartz, a delivery channel and the rest, from the same health contributors as
 * {@code /actuator/health}), and a night that will miss or has missed its publish-by time, as the
 * deadline monitor last saw it (read, never re-checked here, so a page view raises no alert).
 * Health checks open connections (SFTP, SMTP), so the answer is kept for {@link #KEPT_FOR}.
 */
@ConditionalOnWebApplication
@Component
class HealthBanner {

    static final Duration KEPT_FOR = Duration.ofSeconds(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** The contributors worth a banner, with what an operator calls them; the rest (disk, ping) are for Prometheus. */
    private static final Map<String, String> WATCHED = watched();
    private static final Pattern EXCEPTION_NAME = Pattern.compile("^([\\w$]+\\.)*[\\w$]+(Exception|Error): ");

    private final HealthContributorRegistry health;
    private final DeadlineMonitor deadlines;
    private List<String> warnings = List.of();
    private Instant checkedAt = Instant.MIN;

    HealthBanner(HealthContributorRegistry health, DeadlineMonitor deadlines) {
        this.health = health;
        this.deadlines = deadlines;
    }

    /** One sentence a warning, in the order of {@link #WATCHED} then the deadlines; empty when all is well. */
    List<String> warnings() {
        return warnings(Instant.now());
    }

    /** The warnings as of {@code now}: checked again once the last answer is older than {@link #KEPT_FOR}. */
    synchronized List<String> warnings(Instant now) {
        if (now.isAfter(checkedAt.plus(KEPT_FOR))) {
            warnings = check(now);
            checkedAt = now;
        }
        return warnings;
    }

    private List<String> check(Instant now) {
        List<String> found = new ArrayList<>();
        WATCHED.forEach((name, label) -> {
            if (health.getContributor(name) instanceof HealthIndicator indicator) {
                Health answer = indicator.health(true);
                if (Status.DOWN.equals(answer.getStatus()) || Status.OUT_OF_SERVICE.equals(answer.getStatus())) {
                    Object error = answer.getDetails().get("error");
                    found.add(label + " is down" + (error == null ? "." : ": " + withoutExceptionName(error.toString()) + "."));
                }
            }
        });
        for (Night night : deadlines.latest()) {
            if (night.alert() == null) {
                continue;
            }
            String deadline = TIME.format(night.deadline()) + " IST";
            found.add(now.isAfter(night.deadline().toInstant())
                    ? "Deadline missed (publish-by " + deadline + "): " + night.alert() + "."
                    : "Deadline at risk (publish-by " + deadline + "): " + night.alert() + ".");
        }
        return List.copyOf(found);
    }

    /** Spring Boot's {@code error} detail is "the.exception.Class: message"; the operator needs the message. */
    private static String withoutExceptionName(String error) {
        return EXCEPTION_NAME.matcher(error).replaceFirst("");
    }

    private static Map<String, String> watched() {
        Map<String, String> watched = new LinkedHashMap<>();
        watched.put("db", "The database");
        watched.put("quartz", "The scheduler (Quartz)");
        watched.put("sftpInbox", "The SFTP inbox (the night's orders)");
        watched.put("sftpOutbox", "The SFTP outbox (plan delivery)");
        watched.put("mail", "The mail server (plan and report delivery)");
        watched.put("redis", "The Redis travel-time cache");
        return watched;
    }
}
