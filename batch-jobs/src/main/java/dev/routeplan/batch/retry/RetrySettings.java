package dev.routeplan.batch.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a client tries before it gives up: each client (SFTP inbox and outbox, mail, OSRM)
 * binds these under its own prefix as {@code max-attempts} and {@code initial-backoff}.
 *
 * @param maxAttempts    tries in all, at least 1
 * @param initialBackoff pause after the first failed try; doubled after each further one
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff) {

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initial-backoff");
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initial-backoff must not be negative, was " + initialBackoff);
        }
    }

    /** The pause after failed try number {@code attempt} (1-based). */
    public Duration pauseAfter(int attempt) {
        return initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
