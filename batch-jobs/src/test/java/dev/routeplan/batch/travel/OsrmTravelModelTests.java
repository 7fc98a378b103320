package dev.routeplan.batch.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.batch.retry.ServerCallFailed;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.TravelTable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a stand-in OSRM on a random loopback port (the JDK's HttpServer) that answers one canned
 * table, or fails the first requests, or answers too late: a real OSRM needs the road graph of
 * Delhi built by its own tools, which cannot run here.
 */
class OsrmTravelModelTests {

    static final GeoPoint DEPOT = new GeoPoint(28.53, 77.271);
    static final GeoPoint STOP_A = new GeoPoint(28.6315, 77.2167);
    static final GeoPoint STOP_B = new GeoPoint(28.65, 77.1);
    static final String TABLE = """
            {"code":"Ok",
             "durations":[[0,1500.4,2100],[1490,0,900.6],[2150,880,0]],
             "distances":[[0,16200,24100.5],[16050,0,11000],[24500,10900,0]]}""";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableFor = new AtomicInteger();
    private volatile Duration answerAfter = Duration.ZERO;
    private HttpServer osrm;
    private OsrmTravelModel model;

    @BeforeEach
    void startStandIn() throws IOException {
        osrm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        osrm.setExecutor(Executors.newCachedThreadPool());   // a late answer must not hold up the next request
        osrm.createContext("/table/v1/driving/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            if (unavailableFor.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            pause(answerAfter);
            boolean known = exchange.getRequestURI().getPath()
                    .endsWith("77.271000,28.530000;77.216700,28.631500;77.100000,28.650000");
            byte[] body = (known ? TABLE : "{\"code\":\"InvalidQuery\",\"message\":\"unknown points\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        osrm.start();
        URI base = URI.create("http://127.0.0.1:" + osrm.getAddress().getPort() + "/");
        model = model(base, Duration.ofSeconds(5));
    }

    @AfterEach
    void stopStandIn() {
        osrm.stop(0);
    }

    @Test
    void readsDistancesAndDurationsFromOneTableRequest() {
        TravelTable table = model.table(List.of(DEPOT, STOP_A, STOP_B));

        assertThat(requests).singleElement().asString()
                .startsWith("/table/v1/driving/77.271000,28.530000;77.216700,28.631500;77.100000,28.650000")
                .endsWith("?annotations=duration,distance");
        assertThat(table.km(0, 2)).isEqualTo(24.1005);
        assertThat(table.seconds(VehicleClass.LGV, 0, 1, 9 * 3600)).isEqualTo(1500);
        assertThat(table.seconds(VehicleClass.HGV, 1, 2, 2 * 3600)).isEqualTo(901);
        assertThat(table.seconds(VehicleClass.HGV, 2, 2, 0)).isZero();
    }

    @Test
    void answersTheVerifiersLegsFromTheTableWithoutAskingAgain() {
        TravelTable table = model.table(List.of(DEPOT, STOP_A, STOP_B));

        assertThat(model.travelSeconds(STOP_B, STOP_A, VehicleClass.MGV, 18 * 3600)).isEqualTo(table.seconds(VehicleClass.MGV, 2, 1, 0));
        assertThat(model.distanceKm(STOP_A, DEPOT)).isEqualTo(16.05);
        assertThat(requests).hasSize(1);
    }

    @Test
    void saysWhatOsrmAnsweredWhenItRefuses() {
        assertThatThrownBy(() -> model.table(List.of(DEPOT, new GeoPoint(0, 0))))
                .isInstanceOf(ServerCallFailed.class)
                .hasMessageContaining("400").hasMessageContaining("InvalidQuery");
    }

    @Test
    void retriesAServerThatIsBrieflyUnavailable() {
        unavailableFor.set(2);

        TravelTable table = model.table(List.of(DEPOT, STOP_A, STOP_B));

        assertThat(requests).hasSize(3);
        assertThat(table.km(0, 2)).isEqualTo(24.1005);
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheServerAndTheLastCause() {
        unavailableFor.set(Integer.MAX_VALUE);

        assertThatThrownBy(() -> model.table(List.of(DEPOT, STOP_A, STOP_B)))
                .isInstanceOf(ServerCallFailed.class)
                .hasMessageStartingWith("OSRM at http://127.0.0.1:" + osrm.getAddress().getPort())
                .hasMessageContaining("503")
                .hasMessageEndingWith("(after 3 attempts)");
        assertThat(requests).hasSize(3);
    }

    @Test
    void saysTheConnectionWasRefusedWhenNothingListensOnTheServersPort() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        OsrmTravelModel down = model(URI.create("http://127.0.0.1:" + closed), Duration.ofSeconds(5));

        assertThatThrownBy(() -> down.table(List.of(DEPOT, STOP_A, STOP_B)))
                .isInstanceOf(ServerCallFailed.class)
                .hasMessage("OSRM at http://127.0.0.1:" + closed
                        + " could not be asked for a table of 3 points: connection refused (after 3 attempts)");
    }

    @Test
    void doesNotRetryARefusal() {
        assertThatThrownBy(() -> model.table(List.of(DEPOT, new GeoPoint(0, 0)))).isInstanceOf(ServerCallFailed.class);

        assertThat(requests).hasSize(1);
    }

    @Test
    void countsAnAnswerLaterThanTheReadTimeoutAsAFailedTry() {
        answerAfter = Duration.ofSeconds(3);
        OsrmTravelModel impatient = model(URI.create("http://127.0.0.1:" + osrm.getAddress().getPort()), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.table(List.of(DEPOT, STOP_A, STOP_B)))
                .isInstanceOf(ServerCallFailed.class)
                .hasMessageContaining("no answer within 300ms")
                .hasMessageEndingWith("(after 3 attempts)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    /** Three tries, 10 ms apart at first. */
    private static OsrmTravelModel model(URI base, Duration readTimeout) {
        return new OsrmTravelModel(new RouteplanProperties.Osrm(base, readTimeout, Duration.ofSeconds(2), 3, Duration.ofMillis(10)),
                JsonMapper.builder().build());
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
