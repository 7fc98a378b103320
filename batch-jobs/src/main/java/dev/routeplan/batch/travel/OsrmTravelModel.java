package dev.routeplan.batch.travel;

import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.batch.retry.Retrier;
import dev.routeplan.batch.retry.ServerCallFailed;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.MatrixTravelModel;
import dev.routeplan.planning.travel.RoadMatrix;
import dev.routeplan.planning.travel.TravelTable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Road distances and driving times from an OSRM server's {@code table} service (driving
 * profile). OSRM's durations are its own: the same for every vehicle class and hour. Every pair
 * a table answered is remembered, so the verifier's leg-by-leg questions after a solve need no
 * further requests and get exactly the solver's numbers.
 *
 * <p>Asked through Spring's {@link RestClient} with connect and read timeouts; a request that fails
 * by I/O, timeout or a 5xx answer is retried by the shared {@link Retrier}, a refusal is not. Either
 * way it fails for good as a {@link ServerCallFailed} naming the server, which is what a run that
 * fails on it tells the operator.
 */
public final class OsrmTravelModel implements MatrixTravelModel {

    private final String baseUrl;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final JsonMapper json;
    private final RestClient http;
    private final Retrier retrier;
    private final Map<List<GeoPoint>, double[]> knownPairs = new ConcurrentHashMap<>();

    public OsrmTravelModel(RouteplanProperties.Osrm settings, JsonMapper json) {
        String url = settings.baseUrl().toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.readTimeout = settings.timeout();
        this.connectTimeout = settings.connectTimeout();
        this.json = json;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        // a refusal (4xx, no route) says the same on every try; I/O, timeouts and 5xx may pass
        this.retrier = new Retrier("OSRM " + baseUrl, settings.retry(), e -> !(e instanceof OsrmRefused));
    }

    /** The evidence names the server, so an officer asks the same OSRM for a leg's duration. */
    @Override
    public String describe() {
        return "OSRM table service at " + baseUrl + ": road distance and duration of its network, the same for every"
                + " vehicle class and hour";
    }

    @Override
    public String fingerprint() {
        return "osrm:" + baseUrl;
    }

    @Override
    public double distanceKm(GeoPoint from, GeoPoint to) {
        return pair(from, to)[0];
    }

    @Override
    public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
        return (long) pair(from, to)[1];
    }

    private double[] pair(GeoPoint from, GeoPoint to) {
        if (from.equals(to)) {
            return new double[] {0, 0};
        }
        double[] known = knownPairs.get(List.of(from, to));
        if (known == null) {
            roadMatrix(List.of(from, to));
            known = knownPairs.get(List.of(from, to));
        }
        return known;
    }

    @Override
    public RoadMatrix roadMatrix(List<GeoPoint> points) {
        int n = points.size();
        if (n == 2 && knownPairs.containsKey(points) && knownPairs.containsKey(List.of(points.get(1), points.get(0)))) {
            double[] there = knownPairs.get(points);
            double[] back = knownPairs.get(List.of(points.get(1), points.get(0)));
            return new RoadMatrix(2, new double[] {0, there[0], back[0], 0},
                    new long[] {0, (long) there[1], (long) back[1], 0});
        }
        JsonNode table = request(points);
        double[] km = new double[n * n];
        long[] seconds = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                JsonNode meters = table.path("distances").path(i).path(j);
                JsonNode duration = table.path("durations").path(i).path(j);
                if (!meters.isNumber() || !duration.isNumber()) {
                    throw new IllegalStateException("OSRM at " + baseUrl + " found no route from " + points.get(i)
                            + " to " + points.get(j));
                }
                km[i * n + j] = meters.asDouble() / 1000.0;
                seconds[i * n + j] = Math.round(duration.asDouble());
                knownPairs.put(List.of(points.get(i), points.get(j)), new double[] {km[i * n + j], seconds[i * n + j]});
            }
        }
        return new RoadMatrix(n, km, seconds);
    }

    @Override
    public TravelTable table(List<GeoPoint> points, RoadMatrix matrix) {
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                if (i != j) {
                    knownPairs.putIfAbsent(List.of(points.get(i), points.get(j)),
                            new double[] {matrix.km(i, j), matrix.seconds(i, j)});
                }
            }
        }
        // OSRM's times are the same for every vehicle class and hour
        return TravelTable.of(matrix, (vehicleClass, from, to, departureSeconds) -> matrix.seconds(from, to));
    }

    private JsonNode request(List<GeoPoint> points) {
        String coordinates = points.stream()
                .map(p -> String.format(Locale.ROOT, "%.6f,%.6f", p.lon(), p.lat()))
                .collect(Collectors.joining(";"));
        URI uri = URI.create(baseUrl + "/table/v1/driving/" + coordinates + "?annotations=duration,distance");
        return retrier.call("table of " + points.size() + " points", () -> ask(uri), (last, attempts) ->
                new ServerCallFailed(last instanceof OsrmRefused ? last.getMessage()
                        : "OSRM at " + baseUrl + " could not be asked for a table of " + points.size() + " points: "
                          + problem(last) + " " + Retrier.attempts(attempts), last));
    }

    /**
     * The JDK client reports a read timeout as "Request cancelled" and a refused connection as a
     * ConnectException without a message around a ClosedChannelException; say what happened instead.
     */
    private String problem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within " + connectTimeout.toMillis() + "ms";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + readTimeout.toMillis() + "ms";
            }
            if (t instanceof ConnectException) {
                return t.getMessage() == null ? "connection refused" : t.getMessage();
            }
        }
        return Retrier.rootMessage(failure);
    }

    private JsonNode ask(URI uri) {
        return http.get().uri(uri).exchange((request, response) -> {
            int status = response.getStatusCode().value();
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 500 || status == 429) {
                throw new IOException("OSRM answered " + status);
            }
            JsonNode body = json.readTree(text);
            if (status != 200 || !"Ok".equals(body.path("code").asString())) {
                throw new OsrmRefused("OSRM at " + baseUrl + " answered " + status + " " + body.path("code").asString()
                        + ": " + body.path("message").asString());
            }
            return body;
        });
    }

    /** OSRM answered, and not with a table: asking again gets the same answer. */
    private static final class OsrmRefused extends IllegalStateException {
        OsrmRefused(String message) {
            super(message);
        }
    }
}
