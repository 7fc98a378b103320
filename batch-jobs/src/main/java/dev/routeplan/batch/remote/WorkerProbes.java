package dev.routeplan.batch.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * A worker's liveness and readiness probes on {@code routeplan.partitioning.worker-port}:
 * {@code GET /health/liveness} answers 200 while the process runs, {@code GET /health/readiness}
 * 200 while the worker consumes requests and its job repository answers, else 503.
 * <p>
 * Not the service's web server and actuator: a worker serves no API and no console, and bringing
 * up that stack (its security chains, sessions, the authorization server) on every worker pod
 * would be one more surface to secure for two answers. The JDK's own HTTP server gives them.
 */
final class WorkerProbes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerProbes.class);

    private final AbstractMessageListenerContainer consumer;
    private final DataSource dataSource;
    private final String announcement;
    private final int port;
    private volatile HttpServer server;
    private volatile boolean running;

    /** @param announcement what the worker says it is once it consumes (who, which queue, which rule pack) */
    WorkerProbes(AbstractMessageListenerContainer consumer, DataSource dataSource, String announcement, int port) {
        this.consumer = consumer;
        this.dataSource = dataSource;
        this.announcement = announcement;
        this.port = port;
    }

    @Override
    public void start() {
        // started after the consumer (a later lifecycle phase), so this line means requests are being taken
        log.info(announcement);
        running = true;
        if (port <= 0) {
            return;
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
            http.createContext("/health/liveness", exchange -> answer(exchange, true));
            http.createContext("/health/readiness", exchange -> answer(exchange, ready()));
            http.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "worker-probes");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
            server = http;
            log.info("worker probes on port {}: /health/liveness, /health/readiness", port);
        } catch (IOException e) {
            throw new UncheckedIOException("worker probes cannot listen on port " + port, e);
        }
    }

    private boolean ready() {
        if (!consumer.isRunning() || !consumer.isActive()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, boolean up) throws IOException {
        byte[] body = (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(up ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        running = false;
        HttpServer http = server;
        if (http != null) {
            http.stop(0);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
