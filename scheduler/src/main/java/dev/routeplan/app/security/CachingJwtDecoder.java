package dev.routeplan.app.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified until they expire. A script or the console sends the same
 * token on every call, and verifying it anew (parse, RSA signature, claims) was a tenth of the
 * API's CPU per request. The key is the whole token, signature included, so a changed token is
 * never a hit; a hit past its expiry goes to the full check again, which refuses it with the
 * usual clock skew. Tokens are not revocable at the resource server, so caching changes no answer.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())
                && (known.getNotBefore() == null || !now.isBefore(known.getNotBefore()))) {
            return known;
        }
        verified.remove(token);
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= capacity) {
                // many distinct live tokens at once is rare; starting over is simpler than an eviction order
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
