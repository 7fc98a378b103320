package dev.routeplan.batch.retry;

import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * The one retry mechanism of the batch clients (SFTP, mail, OSRM): Spring Framework's
 * {@link RetryTemplate} with exponential backoff from {@link RetrySettings}, a WARN before every
 * retry naming the subject, what failed and the pause, and on giving up an exception of the
 * caller's choosing that carries the last cause and the number of attempts.
 */
public final class Retrier {

    /** One try of the work. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** Turns the last failure and the number of tries made into the exception the caller throws. */
    @FunctionalInterface
    public interface GiveUp {
        RuntimeException of(Throwable last, int attempts);
    }

    private static final Logger log = LoggerFactory.getLogger(Retrier.class);

    private final RetryTemplate template;

    /**
     * @param subject       who is trying, for the log (e.g. {@code SFTP host:22 folder /inbox})
     * @param worthRetrying false for a failure that retrying cannot change (a refused host key, a bad request)
     */
    public Retrier(String subject, RetrySettings settings, Predicate<Throwable> worthRetrying) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(settings.maxAttempts() - 1L)
                .delay(settings.initialBackoff())
                .multiplier(2)
                .predicate(worthRetrying)
                .build();
        this.template = new RetryTemplate(policy);
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
                int failed = state.getExceptions().size();
                Duration pause = settings.pauseAfter(failed);
                log.warn("{}: {} (attempt {} of {}), trying again in {} ms", subject, describe(retryable.getName(),
                        state.getLastException()), failed, settings.maxAttempts(), pause.toMillis());
            }
        });
    }

    /**
     * Runs {@code attempt} until it succeeds, fails in a way not worth retrying, or has been tried
     * {@code maxAttempts} times; then throws what {@code giveUp} makes of the last failure.
     *
     * @param action what is being done, for the log (e.g. {@code downloading orders.csv})
     */
    public <T> T call(String action, Attempt<T> attempt, GiveUp giveUp) {
        try {
            return template.execute(new Retryable<T>() {
                @Override
                public T execute() throws Exception {
                    return attempt.run();
                }

                @Override
                public String getName() {
                    return action;
                }
            });
        } catch (RetryException e) {
            if (e.getExceptions().isEmpty()) {
                throw giveUp.of(e, 0);
            }
            throw giveUp.of(e.getLastException(), e.getExceptions().size());
        }
    }

    /** The innermost message of a failure, or its class name when it has none. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** {@code N attempt} or {@code N attempts}, as every give-up message ends. */
    public static String attempts(int attempts) {
        return "(after " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }

    private static String describe(String action, Throwable failure) {
        String cause = failure == null ? "failed" : rootMessage(failure);
        return action == null || action.isBlank() ? cause : action + ": " + cause;
    }
}
