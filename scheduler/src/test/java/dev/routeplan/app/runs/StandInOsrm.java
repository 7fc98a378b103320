package dev.routeplan.app.runs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for OSRM, which needs Delhi's road graph built by its own tools and cannot run here (as
 * in {@code OsrmTravelModelTests}): the JDK's HttpServer on a loopback port answering OSRM's table
 * service, {@code /table/v1/driving/lon,lat;lon,lat...}, in OSRM's JSON, with great-circle metres
 * times 1.3 and the seconds of driving them at 25 km/h. It can answer late, or be stopped and
 * started again on its port: OSRM slow, OSRM down.
 */
final class StandInOsrm {

    private final List<Integer> tableSizes = new CopyOnWriteArrayList<>();
    private volatile Duration answerAfter = Duration.ZERO;
    private HttpServer server;
    private int port;

    private StandInOsrm() {
    }

    static StandInOsrm start() {
        StandInOsrm osrm = new StandInOsrm();
        osrm.startOn(0);
        return osrm;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The number of points of each table asked since the start, in order. */
    List<Integer> tableSizes() {
        return List.copyOf(tableSizes);
    }

    /** Answers every request only after {@code delay}; {@link Duration#ZERO} answers at once. */
    void answerAfter(Duration delay) {
        answerAfter = delay;
    }

    /** Stops listening: a connection to its port is refused. */
    void stop() {
        server.stop(0);
    }

    /** Listens again on the port it had, as an OSRM back from an outage. */
    void startAgain() {
        startOn(port);
    }

    private void startOn(int requestedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a late answer must not hold up the other depots' requests
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/table/v1/driving/", this::table);
        server.start();
        port = server.getAddress().getPort();
    }

    private void table(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] coordinates = path.substring(path.lastIndexOf('/') + 1).split(";");
            tableSizes.add(coordinates.length);
            Thread.sleep(answerAfter.toMillis());
            byte[] body = answer(coordinates).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client stopped waiting; what a late OSRM's answer meets
        }
    }

    private static String answer(String[] coordinates) {
        int n = coordinates.length;
        double[][] lonLat = new double[n][];
        for (int i = 0; i < n; i++) {
            String[] lonAndLat = coordinates[i].split(",");
            lonLat[i] = new double[] {Double.parseDouble(lonAndLat[0]), Double.parseDouble(lonAndLat[1])};
        }
        StringBuilder durations = new StringBuilder();
        StringBuilder distances = new StringBuilder();
        for (int i = 0; i < n; i++) {
            durations.append(i == 0 ? "[" : ",[");
            distances.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < n; j++) {
                double metres = 1.3 * greatCircleMetres(lonLat[i], lonLat[j]);
                durations.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", metres / 1000 / 25 * 3600));
                distances.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", metres));
            }
            durations.append(']');
            distances.append(']');
        }
        return "{\"code\":\"Ok\",\"durations\":[" + durations + "],\"distances\":[" + distances + "]}";
    }

    private static double greatCircleMetres(double[] a, double[] b) {
        double dLat = Math.toRadians(b[1] - a[1]);
        double dLon = Math.toRadians(b[0] - a[0]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a[1])) * Math.cos(Math.toRadians(b[1])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_000 * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
