package dev.routeplan.batch.deliver;

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
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("routeplan.mail.max-attempts must be at least 1, was " + maxAttempts);
        }
    }
}
