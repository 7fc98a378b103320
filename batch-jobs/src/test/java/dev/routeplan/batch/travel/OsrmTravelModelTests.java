package dev.routeplan.batch.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.TravelTable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Against a stand-in OSRM on a random loopback port that answers one canned table. */
class OsrmTravelModelTests {

    static final GeoPoint DEPOT = new GeoPoint(28.53, 77.271);
    static final GeoPoint STOP_A = new GeoPoint(28.6315, 77.2167);
    static final GeoPoint STOP_B = new GeoPoint(28.65, 77.1);
    static final String TABLE = """
            {"code":"Ok",
             "durations":[[0,1500.4,2100],[1490,0,900.6],[2150,880,0]],
             "distances":[[0,16200,24100.5],[16050,0,11000],[24500,10900,0]]}""";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer osrm;
    private OsrmTravelModel model;

    @BeforeEach
    void startStandIn() throws IOException {
        osrm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        osrm.createContext("/table/v1/driving/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
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
        model = new OsrmTravelModel(base, Duration.ofSeconds(5), JsonMapper.builder().build());
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
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("400").hasMessageContaining("InvalidQuery");
    }
}
