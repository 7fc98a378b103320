package dev.routeplan.batch.deliver;

import dev.routeplan.batch.retry.RetrySettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who receives the compliance report by mail, off by default. The SMTP server is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password from the environment, properties).
 */
@ConfigurationProperties("routeplan.mail")
public record ComplianceMailProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("routeplan@localhost") String from,
        @DefaultValue List<String> recipients,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff) {

    public ComplianceMailProperties {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        if (enabled && recipients.isEmpty()) {
            throw new IllegalArgumentException("routeplan.mail.enabled is set but routeplan.mail.recipients is empty");
        }
        retry(maxAttempts, initialBackoff);
    }

    public RetrySettings retry() {
        return retry(maxAttempts, initialBackoff);
    }

    private static RetrySettings retry(int maxAttempts, Duration initialBackoff) {
        try {
            return new RetrySettings(maxAttempts, initialBackoff);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("routeplan.mail." + e.getMessage(), e);
        }
    }
}
