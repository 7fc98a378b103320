package dev.routeplan.batch.job;

import dev.routeplan.batch.retry.RetrySettings;
import dev.routeplan.planning.domain.VehicleClass;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly job; the defaults run the demo from the repository root.
 *
 * @param rulePack       the rule pack YAML; falls back to the copy inside the jar when absent
 * @param partitionThreads threads for partitioned steps (optimise and verify run one depot each)
 * @param chunkSize      rows per ingest transaction
 * @param circuityFactor road distance over straight-line distance in Delhi (haversine provider)
 * @param travel         which travel model plans and verifies routes
 * @param redis          the travel-matrix cache; off unless enabled
 * @param mapOutline     the GeoJSON outline drawn under the route maps; falls back to the copy inside the jar when absent
 */
@ConfigurationProperties("routeplan")
public record RouteplanProperties(
        @DefaultValue("config/rules/delhi.yaml") Path rulePack,
        @DefaultValue("2") int partitionThreads,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("1.35") double circuityFactor,
        @DefaultValue Travel travel,
        @DefaultValue Redis redis,
        @DefaultValue("config/maps/delhi-outline.geojson") Path mapOutline) {

    public enum Provider { HAVERSINE, OSRM }

    /**
     * @param provider {@code haversine} (built in, no server) or {@code osrm}
     * @param speeds   for the haversine provider: 24 hourly speeds in km/h (hour 0 first, Asia/Kolkata)
     *                 per vehicle class ({@code hgv}, {@code mgv}, {@code lgv}, {@code three-wheeler});
     *                 a class left out keeps Delhi's defaults (slower 08-11 and 17-21)
     * @param osrm     the OSRM server for the {@code osrm} provider
     */
    public record Travel(
            @DefaultValue("haversine") Provider provider,
            Map<VehicleClass, List<Double>> speeds,
            @DefaultValue Osrm osrm) {

        public Travel {
            speeds = speeds == null ? Map.of() : Map.copyOf(speeds);
        }
    }

    /**
     * @param baseUrl        OSRM's root, the {@code table/v1/driving/...} path is appended
     * @param timeout        read timeout of one table request (a silent server counts as failed)
     * @param connectTimeout connect timeout of one table request
     * @param maxAttempts    tries of a table request that fails by I/O, timeout or a 5xx answer
     * @param initialBackoff pause after the first failed try; doubled after each further one
     */
    public record Osrm(
            @DefaultValue("http://127.0.0.1:5000") URI baseUrl,
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff) {

        public RetrySettings retry() {
            return new RetrySettings(maxAttempts, initialBackoff);
        }
    }

    /**
     * @param enabled   cache travel matrices in Redis; off by default so the embedded run needs no Redis
     * @param host      Redis host
     * @param port      Redis port
     * @param password  the password of Redis' {@code default} user ({@code requirepass}); none: no AUTH.
     *                  Never logged: {@link #toString()} masks it
     * @param ttl       how long a cached matrix is kept
     * @param timeout   connect and read timeout; a slower Redis counts as down and the matrix is computed
     * @param keyPrefix prefix of every cache key
     * @param retryAfter  how long a Redis that failed is left alone before one call tries it again
     */
    public record Redis(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("6379") int port,
            String password,
            @DefaultValue("7d") Duration ttl,
            @DefaultValue("500ms") Duration timeout,
            @DefaultValue("routeplan:travel:") String keyPrefix,
            @DefaultValue("30s") Duration retryAfter) {

        public Redis {
            // compose passes an unset secret as an empty variable: that means no password, not ""
            password = password == null || password.isBlank() ? null : password;
        }

        /** Whether a password is set; the settings show only that, never the password. */
        public boolean hasPassword() {
            return password != null;
        }

        @Override
        public String toString() {
            return "Redis[enabled=" + enabled + ", host=" + host + ", port=" + port + ", password="
                    + (hasPassword() ? "******" : "none") + ", ttl=" + ttl + ", timeout=" + timeout
                    + ", keyPrefix=" + keyPrefix + ", retryAfter=" + retryAfter + "]";
        }
    }
}
