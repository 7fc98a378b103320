package dev.routeplan.batch.travel;

import dev.routeplan.planning.digest.Sha256;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.MatrixTravelModel;
import dev.routeplan.planning.travel.RoadMatrix;
import dev.routeplan.planning.travel.TravelTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps a travel model's {@link RoadMatrix} in Redis, one value per list of points (a depot's
 * matrix in one round trip; a single pair for the verifier's leg-by-leg questions), keyed by the
 * model's fingerprint and the coordinates, with a TTL. Times are still derived by the model from
 * the matrix, so cached and computed answers are identical.
 *
 * <p>Redis is an optimisation, never a dependency: when it fails or times out the matrix is
 * computed, the failure counted in {@code routeplan.travel.cache.errors}, one WARN logged per
 * outage, and Redis left alone for {@code retryAfter} before one call tries it again: a
 * Resilience4j circuit breaker that opens on the first failure.
 */
public final class CachedTravelModel implements MatrixTravelModel {

    public static final String ERRORS_METER = "routeplan.travel.cache.errors";
    private static final Logger log = LoggerFactory.getLogger(CachedTravelModel.class);
    private static final int FORMAT = 1;
    private static final int PAIRS_KEPT = 10_000;

    private final MatrixTravelModel model;
    private final UnifiedJedis redis;
    private final long ttlSeconds;
    private final String keyPrefix;
    private final Counter errors;
    private final Duration retryAfter;
    private final CircuitBreaker breaker;
    private final Map<List<GeoPoint>, RoadMatrix> recentPairs = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<GeoPoint>, RoadMatrix> eldest) {
            return size() > PAIRS_KEPT;
        }
    };

    /** @param retryAfter how long Redis is left alone after a failure */
    public CachedTravelModel(MatrixTravelModel model, UnifiedJedis redis, Duration ttl, String keyPrefix, Duration retryAfter,
                             MeterRegistry meters) {
        this.model = model;
        this.redis = redis;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.keyPrefix = keyPrefix;
        this.errors = Counter.builder(ERRORS_METER)
                .description("travel-matrix cache calls that failed and were computed instead")
                .register(meters);
        this.retryAfter = retryAfter;
        this.breaker = CircuitBreaker.of("travel-cache", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .waitDurationInOpenState(retryAfter)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition() == CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED) {
                log.info("travel cache answers again; travel matrices are cached from now on");
            }
        });
    }

    /** The cache changes where a matrix comes from, never what it says. */
    @Override
    public String describe() {
        return model.describe();
    }

    @Override
    public String fingerprint() {
        return model.fingerprint();
    }

    @Override
    public double distanceKm(GeoPoint from, GeoPoint to) {
        return pair(from, to).km(0, 1);
    }

    @Override
    public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
        List<GeoPoint> points = List.of(from, to);
        return model.table(points, pair(from, to)).seconds(vehicleClass, 0, 1, departureSeconds);
    }

    @Override
    public TravelTable table(List<GeoPoint> points, RoadMatrix matrix) {
        return model.table(points, matrix);
    }

    @Override
    public RoadMatrix roadMatrix(List<GeoPoint> points) {
        byte[] key = key(points);
        byte[] cached = fromRedis(() -> redis.get(key));
        if (cached != null) {
            RoadMatrix matrix = decode(cached, points.size());
            if (matrix != null) {
                return matrix;
            }
        }
        RoadMatrix matrix = model.roadMatrix(points);
        fromRedis(() -> redis.setex(key, ttlSeconds, encode(matrix)));
        return matrix;
    }

    private RoadMatrix pair(GeoPoint from, GeoPoint to) {
        List<GeoPoint> points = List.of(from, to);
        synchronized (recentPairs) {
            RoadMatrix known = recentPairs.get(points);
            if (known != null) {
                return known;
            }
        }
        RoadMatrix matrix = roadMatrix(points);
        synchronized (recentPairs) {
            recentPairs.put(points, matrix);
        }
        return matrix;
    }

    /** Runs a Redis call unless Redis is known to be down; any failure counts and yields {@code null}. */
    private <T> T fromRedis(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            return null;
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            errors.increment();
            boolean wasClosed = breaker.getState() == CircuitBreaker.State.CLOSED;
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            if (wasClosed) {
                log.warn("travel cache unavailable ({}); computing travel matrices without it, trying it again every {} s",
                        e.toString(), retryAfter.toSeconds());
            }
            return null;
        }
    }

    byte[] key(List<GeoPoint> points) {
        StringBuilder text = new StringBuilder(model.fingerprint());
        points.forEach(p -> text.append('|').append(p.lat()).append(',').append(p.lon()));
        return (keyPrefix + "matrix:" + points.size() + ":" + Sha256.hex(text.toString())).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(RoadMatrix matrix) {
        int cells = matrix.size() * matrix.size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + cells * (matrix.seconds() == null ? 8 : 16));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(matrix.size());
            out.writeBoolean(matrix.seconds() != null);
            for (double km : matrix.km()) {
                out.writeDouble(km);
            }
            if (matrix.seconds() != null) {
                for (long s : matrix.seconds()) {
                    out.writeLong(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The matrix, or {@code null} for a value of another format or size (then it is computed again). */
    static RoadMatrix decode(byte[] value, int expectedSize) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            if (in.readInt() != FORMAT || in.readInt() != expectedSize) {
                return null;
            }
            boolean hasSeconds = in.readBoolean();
            int cells = expectedSize * expectedSize;
            if (value.length != 9 + cells * (hasSeconds ? 16 : 8)) {
                return null;
            }
            double[] km = new double[cells];
            for (int i = 0; i < cells; i++) {
                km[i] = in.readDouble();
            }
            long[] seconds = hasSeconds ? new long[cells] : null;
            for (int i = 0; hasSeconds && i < cells; i++) {
                seconds[i] = in.readLong();
            }
            return new RoadMatrix(expectedSize, km, seconds);
        } catch (IOException e) {
            return null;
        }
    }
}
