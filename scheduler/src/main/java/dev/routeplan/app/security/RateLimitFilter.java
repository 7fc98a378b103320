package dev.routeplan.app.security;

import dev.routeplan.app.security.ApiRateLimits.Caller;
import dev.routeplan.app.security.ApiRateLimits.Decision;
import dev.routeplan.app.security.ApiRateLimits.Kind;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 (a problem, with {@code Retry-After}) to a client over its rate limit on the API
 * ({@code /api/**}). It sits in the API's security chain after the bearer token is read, so a
 * client is its token's subject; a call without a token counts against its address (and is
 * counted before it is refused 401, so unauthenticated floods are limited too).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** A stream refused for the cap has no window; a client may try again shortly. */
    private static final Duration STREAM_RETRY = Duration.ofSeconds(5);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ApiRateLimits limits;
    private final ProblemResponses problems;

    RateLimitFilter(ApiRateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = caller(request);
        Kind kind = MUTATING.contains(request.getMethod()) ? Kind.MUTATING : Kind.READ;
        Decision decision = limits.acquire(caller, kind);
        if (!decision.allowed()) {
            tooMany(request, response, decision.retryAfter(), "at most " + decision.quota().limit() + " "
                    + (kind == Kind.MUTATING ? "changing" : "reading") + " calls per " + decision.quota().period()
                    + " per client");
            return;
        }
        if (kind == Kind.READ && path(request).endsWith("/events")) {
            Optional<Runnable> stream = limits.openStream(caller);
            if (stream.isEmpty()) {
                tooMany(request, response, STREAM_RETRY, "at most " + limits.streamCap(caller)
                        + " event streams open at once per client");
                return;
            }
            streamed(request, response, chain, stream.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** An event stream stays counted until its asynchronous response ends, however it ends. */
    private static void streamed(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Runnable close)
            throws ServletException, IOException {
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        close.run();
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        close.run();
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        close.run();
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // the same stream, dispatched again
                    }
                });
                async = true;
            }
        } finally {
            if (!async) {
                close.run();
            }
        }
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String detail)
            throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, detail + "; retry in " + seconds + " s");
    }

    private static Caller caller(HttpServletRequest request) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return new Caller(null, Set.of(), request.getRemoteAddr());
        }
        Set<Role> roles = who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> EnumSet.allOf(Role.class).stream().filter(role -> role.authority().equals(authority)))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(who.getName(), roles, request.getRemoteAddr());
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
