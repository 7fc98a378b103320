package dev.routeplan.batch.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisDataException;

/** The travel cache against a Redis that requires a password (routeplan.redis.password), as compose runs it. */
class TravelCacheWithPasswordTests {

    static final List<GeoPoint> OKHLA_AND_STOPS = CachedTravelModelTests.OKHLA_AND_STOPS;

    static PasswordProtectedRedis server;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CachedTravelModelTests.CountingModel haversine =
            new CachedTravelModelTests.CountingModel(HaversineTravelModel.delhiDefaults());

    @BeforeAll
    static void startRedisWithAPassword() {
        server = PasswordProtectedRedis.start();
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        server.close();
    }

    @Test
    void withThePasswordTheSecondRunReadsTheMatrixFromRedis() {
        try (JedisPooled redis = TravelConfiguration.redis(settings(server.password))) {
            TravelTable computed = cached(redis).table(OKHLA_AND_STOPS);
            TravelTable fromCache = cached(redis).table(OKHLA_AND_STOPS);

            assertThat(haversine.matrices).as("computed once, then read from Redis").hasValue(1);
            assertThat(fromCache.km(0, 3)).isEqualTo(computed.km(0, 3));
            assertThat(meters.counter(CachedTravelModel.ERRORS_METER).count()).isZero();
            assertThat(redis.exists(cached(redis).key(OKHLA_AND_STOPS))).isTrue();
        }
    }

    @Test
    void withoutThePasswordRedisRefusesTheCache() {
        try (JedisPooled anonymous = TravelConfiguration.redis(settings(null))) {
            assertThatThrownBy(anonymous::ping).isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
        }
    }

    @Test
    void withAWrongPasswordEveryMatrixIsComputedAndTheFailureCounted() {
        try (JedisPooled redis = TravelConfiguration.redis(settings("not-" + server.password))) {
            CachedTravelModel model = cached(redis);

            TravelTable table = model.table(OKHLA_AND_STOPS);

            assertThat(table.km(0, 1)).isEqualTo(haversine.distanceKm(OKHLA_AND_STOPS.get(0), OKHLA_AND_STOPS.get(1)));
            assertThat(meters.counter(CachedTravelModel.ERRORS_METER).count()).isEqualTo(1.0);
        }
    }

    @Test
    void theSettingsNeverShowThePassword() {
        RouteplanProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "routeplan.redis.enabled", "true", "routeplan.redis.password", server.password)))
                .bindOrCreate("routeplan", RouteplanProperties.class);

        assertThat(properties.redis().password()).isEqualTo(server.password);
        assertThat(properties.toString()).doesNotContain(server.password).contains("password=******");
    }

    @Test
    void anEmptyPasswordMeansNone() {
        RouteplanProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "routeplan.redis.password", "")))
                .bindOrCreate("routeplan", RouteplanProperties.class);

        assertThat(properties.redis().hasPassword()).isFalse();
        assertThat(properties.redis().toString()).contains("password=none");
    }

    private CachedTravelModel cached(JedisPooled redis) {
        return new CachedTravelModel(haversine, redis, Duration.ofHours(1), "routeplan-test:", Duration.ofSeconds(30), meters);
    }

    private static RouteplanProperties.Redis settings(String password) {
        return new RouteplanProperties.Redis(true, "127.0.0.1", server.port, password, Duration.ofHours(1),
                Duration.ofMillis(500), "unused", Duration.ofSeconds(30));
    }
}
