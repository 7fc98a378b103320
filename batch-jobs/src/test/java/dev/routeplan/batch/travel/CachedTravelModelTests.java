package dev.routeplan.batch.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.MatrixTravelModel;
import dev.routeplan.planning.travel.RoadMatrix;
import dev.routeplan.planning.travel.TravelTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Against the Redis on 127.0.0.1:6379 that the test script starts, and against a closed and a mute port. */
class CachedTravelModelTests {

    static final List<GeoPoint> OKHLA_AND_STOPS = List.of(new GeoPoint(28.530, 77.271), new GeoPoint(28.6315, 77.2167),
            new GeoPoint(28.65, 77.10), new GeoPoint(28.50, 77.30));
    static final long NINE_AM = 9 * 3600;

    private final String prefix = "routeplan-test:" + UUID.randomUUID() + ":";
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountingModel haversine = new CountingModel(HaversineTravelModel.delhiDefaults());
    private JedisPooled redis;

    @AfterEach
    void removeTestKeysAndClose() {
        if (redis != null) {
            redis.close();
        }
        try (JedisPooled local = redis(6379)) {
            Set<byte[]> keys = local.keys((prefix + "*").getBytes(StandardCharsets.UTF_8));
            keys.forEach(local::del);
        }
    }

    @Test
    void aSecondRunReadsTheDepotMatrixFromRedisInsteadOfComputingIt() {
        redis = redis(6379);
        CachedTravelModel first = cached(redis);

        TravelTable computed = first.table(OKHLA_AND_STOPS);
        byte[] key = first.key(OKHLA_AND_STOPS);
        assertThat(haversine.matrices).hasValue(1);
        assertThat(redis.ttl(key)).isBetween(1L, Duration.ofHours(1).toSeconds());

        TravelTable fromCache = cached(redis).table(OKHLA_AND_STOPS);

        assertThat(haversine.matrices).hasValue(1);
        for (int i = 0; i < OKHLA_AND_STOPS.size(); i++) {
            for (int j = 0; j < OKHLA_AND_STOPS.size(); j++) {
                assertThat(fromCache.km(i, j)).isEqualTo(computed.km(i, j));
                assertThat(fromCache.seconds(VehicleClass.LGV, i, j, NINE_AM))
                        .isEqualTo(computed.seconds(VehicleClass.LGV, i, j, NINE_AM));
            }
        }
        assertThat(meters.counter(CachedTravelModel.ERRORS_METER).count()).isZero();
    }

    @Test
    void pairQuestionsOfTheVerifierAnswerAsTheModelDoes() {
        redis = redis(6379);
        CachedTravelModel model = cached(redis);
        GeoPoint a = OKHLA_AND_STOPS.get(0);
        GeoPoint b = OKHLA_AND_STOPS.get(1);

        assertThat(model.travelSeconds(a, b, VehicleClass.HGV, NINE_AM))
                .isEqualTo(haversine.travelSeconds(a, b, VehicleClass.HGV, NINE_AM));
        assertThat(model.distanceKm(a, b)).isEqualTo(haversine.distanceKm(a, b));
        assertThat(cached(redis).distanceKm(a, b)).isEqualTo(haversine.distanceKm(a, b));
        assertThat(haversine.matrices).hasValue(1);
    }

    @Test
    void computesWhenRedisIsDownAndCountsTheOutageOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        redis = redis(closedPort);
        CachedTravelModel model = cached(redis);

        TravelTable table = model.table(OKHLA_AND_STOPS);
        model.table(OKHLA_AND_STOPS);
        long seconds = model.travelSeconds(OKHLA_AND_STOPS.get(0), OKHLA_AND_STOPS.get(2), VehicleClass.MGV, NINE_AM);

        assertThat(table.seconds(VehicleClass.MGV, 0, 2, NINE_AM)).isEqualTo(seconds)
                .isEqualTo(haversine.travelSeconds(OKHLA_AND_STOPS.get(0), OKHLA_AND_STOPS.get(2), VehicleClass.MGV, NINE_AM));
        assertThat(meters.counter(CachedTravelModel.ERRORS_METER).count()).isEqualTo(1.0);
        assertThat(haversine.matrices).hasValue(3);
    }

    @Test
    void treatsARedisThatDoesNotAnswerInTimeAsDown() throws IOException {
        try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            redis = redis(mute.getLocalPort());
            long start = System.nanoTime();

            TravelTable table = cached(redis).table(OKHLA_AND_STOPS);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(table.km(0, 1)).isEqualTo(haversine.distanceKm(OKHLA_AND_STOPS.get(0), OKHLA_AND_STOPS.get(1)));
            assertThat(meters.counter(CachedTravelModel.ERRORS_METER).count()).isEqualTo(1.0);
        }
    }

    private CachedTravelModel cached(JedisPooled jedis) {
        return new CachedTravelModel(haversine, jedis, Duration.ofHours(1), prefix, Duration.ofSeconds(30), meters);
    }

    private static JedisPooled redis(int port) {
        return TravelConfiguration.redis(new RouteplanProperties.Redis(true, "127.0.0.1", port, null, Duration.ofHours(1),
                Duration.ofMillis(300), "unused", Duration.ofSeconds(30)));
    }

    /** The haversine model, counting the road matrices it had to compute. */
    static final class CountingModel implements MatrixTravelModel {

        final AtomicInteger matrices = new AtomicInteger();
        private final MatrixTravelModel model;

        CountingModel(MatrixTravelModel model) {
            this.model = model;
        }

        @Override
        public String fingerprint() {
            return model.fingerprint();
        }

        @Override
        public RoadMatrix roadMatrix(List<GeoPoint> points) {
            matrices.incrementAndGet();
            return model.roadMatrix(points);
        }

        @Override
        public TravelTable table(List<GeoPoint> points, RoadMatrix matrix) {
            return model.table(points, matrix);
        }

        @Override
        public double distanceKm(GeoPoint from, GeoPoint to) {
            return model.distanceKm(from, to);
        }

        @Override
        public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
            return model.travelSeconds(from, to, vehicleClass, departureSeconds);
        }
    }
}
