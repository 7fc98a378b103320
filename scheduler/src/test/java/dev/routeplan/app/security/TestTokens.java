package dev.routeplan.app.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Bearer tokens of the test application's own embedded issuer, as {@code routeplan token} prints them. */
@TestComponent
public class TestTokens {

    private final SecurityProperties properties;

    public TestTokens(SecurityProperties properties) {
        this.properties = properties;
    }

    public String token(Role role) {
        return tokens(Clock.systemUTC()).issue(role);
    }

    /** A token issued at {@code issuedAt} (so one that has expired, or is not valid yet). */
    public String tokenIssuedAt(Role role, Instant issuedAt) {
        return tokens(Clock.fixed(issuedAt, ZoneOffset.UTC)).issue(role);
    }

    public String token(String subject, List<Role> roles) {
        return tokens(Clock.systemUTC()).issue(subject, roles);
    }

    /** For MockMvc: {@code mvc.perform(get(...).with(tokens.as(Role.OPS)))}. */
    public RequestPostProcessor as(Role role) {
        String token = token(role);
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    private LocalTokens tokens(Clock clock) {
        return new LocalTokens(properties, SigningKey.loadOrCreate(properties.signingKey()), clock);
    }
}
