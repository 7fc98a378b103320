package dev.routeplan.app.security;

import dev.routeplan.app.security.RateLimitProperties.Limits;
import dev.routeplan.app.security.RateLimitProperties.Quota;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * The rate limiters of the API's clients: a Resilience4j fixed-window limiter per client and kind
 * of call, and a count of each client's open event streams. Limiters of clients gone quiet are
 * dropped once there are many, so a flood of addresses cannot fill the memory.
 */
@Component
public class ApiRateLimits {

    /** Above this many limiters, those idle for longer than their window are dropped. */
    private static final int SWEEP_ABOVE = 10_000;

    private final RateLimitProperties properties;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, Integer> openStreams = new ConcurrentHashMap<>();

    public ApiRateLimits(RateLimitProperties properties) {
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public enum Kind { MUTATING, READ }

    /**
     * Who is calling.
     *
     * @param subject the token's subject, or null without a token
     * @param address the client address (the key of a call without a token)
     */
    public record Caller(String subject, Set<Role> roles, String address) {

        String key() {
            return subject != null ? "subject:" + subject : "address:" + address;
        }
    }

    /**
     * The answer to one call.
     *
     * @param retryAfter until the client's window refreshes (zero when allowed)
     */
    public record Decision(boolean allowed, Quota quota, Duration retryAfter) {
    }

    /** Takes one call of {@code kind} from the caller's window. */
    public Decision acquire(Caller caller, Kind kind) {
        Limits limits = properties.limitsFor(caller.subject(), caller.roles());
        Quota quota = kind == Kind.MUTATING ? limits.mutating() : limits.reads();
        // the quota is part of the key: a client whose limits change (a new role) starts a new window
        String key = kind + "|" + caller.key() + "|" + quota.limit() + "/" + quota.period();
        if (windows.size() > SWEEP_ABOVE) {
            sweep();
        }
        Window window = windows.computeIfAbsent(key, name -> new Window(new AtomicRateLimiter(name, RateLimiterConfig.custom()
                .limitForPeriod(quota.limit())
                .limitRefreshPeriod(quota.period())
                .timeoutDuration(Duration.ZERO)
                .build())));
        window.touch();
        if (window.limiter.acquirePermission()) {
            return new Decision(true, quota, Duration.ZERO);
        }
        return new Decision(false, quota, Duration.ofNanos(window.limiter.getDetailedMetrics().getNanosToWait()));
    }

    /** The maximum number of event streams the caller may hold open at once. */
    public int streamCap(Caller caller) {
        return properties.limitsFor(caller.subject(), caller.roles()).sseConnections();
    }

    /**
     * Opens one event stream for the caller, if under its cap.
     *
     * @return what closes it (call once; later calls do nothing), or empty when the caller holds its cap
     */
    public Optional<Runnable> openStream(Caller caller) {
        int cap = streamCap(caller);
        AtomicBoolean opened = new AtomicBoolean();
        openStreams.compute(caller.key(), (key, open) -> {
            int now = open == null ? 0 : open;
            if (now >= cap) {
                return open;
            }
            opened.set(true);
            return now + 1;
        });
        if (!opened.get()) {
            return Optional.empty();
        }
        AtomicBoolean closed = new AtomicBoolean();
        return Optional.of(() -> {
            if (closed.compareAndSet(false, true)) {
                openStreams.computeIfPresent(caller.key(), (key, open) -> open <= 1 ? null : open - 1);
            }
        });
    }

    private void sweep() {
        long now = System.nanoTime();
        windows.values().removeIf(window -> now - window.lastUsed > window.limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos());
    }

    private static final class Window {
        final AtomicRateLimiter limiter;
        volatile long lastUsed;

        Window(AtomicRateLimiter limiter) {
            this.limiter = limiter;
            this.lastUsed = System.nanoTime();
        }

        void touch() {
            lastUsed = System.nanoTime();
        }
    }
}
