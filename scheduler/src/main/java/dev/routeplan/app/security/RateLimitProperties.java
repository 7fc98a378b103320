package dev.routeplan.app.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API calls a client may make ({@code routeplan.rate-limits}). A client is a token's
 * subject, or the client address of a call without one. The base limits apply to everyone;
 * {@code roles.ROLE} raises or lowers them for a role (a token with several roles gets the most
 * generous of each), {@code subjects.SUBJECT} for one client above all (e.g. the benchmark's).
 * Unset fields of an override keep the value beneath.
 *
 * @param enabled        off only for a trusted, isolated installation
 * @param mutating       POST, PUT, PATCH, DELETE: the seed's 100 per 15 minutes
 * @param reads          GET (lists, details, downloads), counted apart from the mutating calls
 * @param sseConnections event streams (paths ending {@code /events}) one client may hold open at once
 * @param roles          overrides per role
 * @param subjects       overrides per token subject (a client id, or {@code local-ops} etc. for {@code routeplan token})
 */
@ConfigurationProperties("routeplan.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Quota mutating,
        Quota reads,
        Integer sseConnections,
        Map<Role, Limits> roles,
        Map<String, Limits> subjects) {

    static final Limits DEFAULTS = new Limits(new Quota(100, Duration.ofMinutes(15)), new Quota(3000, Duration.ofMinutes(1)), 5);

    public RateLimitProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
    }

    /** The limits that apply to a client with these roles (none for a call without a token). */
    public Limits limitsFor(String subject, Set<Role> callerRoles) {
        Limits base = new Limits(mutating, reads, sseConnections).over(DEFAULTS);
        Limits byRole = callerRoles.stream()
                .map(roles::get)
                .filter(java.util.Objects::nonNull)
                .map(limits -> limits.over(base))
                .reduce(Limits::mostGenerous)
                .orElse(base);
        Limits bySubject = subject == null ? null : subjects.get(subject);
        return bySubject == null ? byRole : bySubject.over(byRole);
    }

    /**
     * At most {@code limit} calls in each window of {@code period}.
     */
    public record Quota(Integer limit, Duration period) {

        public Quota {
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("a rate limit allows at least 1 call, not " + limit);
            }
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("a rate limit's period must be positive, not " + period);
            }
        }

        Quota over(Quota base) {
            return base == null ? this : new Quota(limit != null ? limit : base.limit, period != null ? period : base.period);
        }

        double perSecond() {
            return limit / (period.toNanos() / 1e9);
        }
    }

    /** The limits of one kind of client; a null field keeps the value of the level beneath. */
    public record Limits(Quota mutating, Quota reads, Integer sseConnections) {

        Limits over(Limits base) {
            return new Limits(mutating == null ? base.mutating : mutating.over(base.mutating),
                    reads == null ? base.reads : reads.over(base.reads),
                    sseConnections != null ? sseConnections : base.sseConnections);
        }

        static Limits mostGenerous(Limits a, Limits b) {
            Comparator<Quota> rate = Comparator.comparingDouble(Quota::perSecond);
            return new Limits(Stream.of(a.mutating, b.mutating).max(rate).orElseThrow(),
                    Stream.of(a.reads, b.reads).max(rate).orElseThrow(),
                    Math.max(a.sseConnections, b.sseConnections));
        }
    }
}
