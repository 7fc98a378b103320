package dev.routeplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The cache in front of token verification must never let through a token the full check refuses. */
class CachingJwtDecoderTests {

    private static final Instant ISSUED = Instant.parse("2026-12-01T20:00:00Z");

    @TempDir
    Path keys;

    private final MovableClock clock = new MovableClock(ISSUED);
    private final AtomicInteger verifications = new AtomicInteger();
    private LocalTokens tokens;
    private CachingJwtDecoder decoder;

    @BeforeEach
    void signingKeyAndVerifier() throws JOSEException {
        SecurityProperties properties = new SecurityProperties(null, URI.create("http://localhost:8080"), "routeplan", keys.resolve("key.json"),
                Duration.ofHours(1), null, null);
        RSAKey key = SigningKey.loadOrCreate(properties.signingKey());
        tokens = new LocalTokens(properties, key, clock);
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        decoder = new CachingJwtDecoder(counting, clock, 2);
    }

    @Test
    void verifiesATokenOnceWhileItIsValid() {
        String token = tokens.issue(Role.OPS);

        for (int call = 0; call < 5; call++) {
            assertThat(decoder.decode(token).getSubject()).isEqualTo("local-ops");
        }

        assertThat(verifications).hasValue(1);
    }

    @Test
    void refusesACachedTokenOnceItHasExpired() {
        String token = tokens.issue(Role.OPS);
        decoder.decode(token);

        clock.moveTo(ISSUED.plus(Duration.ofHours(1)).plusSeconds(61));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void refusesATokenWhoseSignatureWasChangedAfterTheOriginalWasCached() {
        String token = tokens.issue(Role.OPS);
        decoder.decode(token);
        int lastDot = token.lastIndexOf('.');
        char first = token.charAt(lastDot + 1);
        String tampered = token.substring(0, lastDot + 1) + (first == 'A' ? 'B' : 'A') + token.substring(lastDot + 2);

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void keepsWorkingWhenMoreTokensAreLiveThanItKeeps() {
        String[] live = {tokens.issue(Role.OPS), tokens.issue(Role.PLANNER), tokens.issue(Role.COMPLIANCE)};

        for (String token : live) {
            decoder.decode(token);
        }

        assertThat(decoder.decode(live[0]).getSubject()).isEqualTo("local-ops");
        assertThat(decoder.decode(live[2]).getSubject()).isEqualTo("local-compliance");
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void moveTo(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
