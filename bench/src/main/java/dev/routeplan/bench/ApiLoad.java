package dev.routeplan.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The API benchmark's load generator ({@code scripts/bench.sh api}): a constant arrival rate
 * against a service on loopback, its figures, and the last line
 * {@code api_rps=N p50_ms=N p99_ms=N errors=N}.
 *
 * <pre>
 * ApiLoad --base http://127.0.0.1:PORT --mix FILE [--token-file FILE] [--rps 500] [--seconds 60]
 *         [--warmup 10] [--timeout-ms 2000] [--seed 13] [--client sockets|jdk] [--connections 32]
 * ApiLoad --self-test [--client sockets|jdk] [--rps 500] [--seconds 60]
 *                                          the generator against a do-nothing server in its own JVM: its floor
 * </pre>
 */
public final class ApiLoad {

    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("--rps", "500"));
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--seconds", "60")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warmup", "10")));
        Duration timeout = Duration.ofMillis(Long.parseLong(options.getOrDefault("--timeout-ms", "2000")));
        long seed = Long.parseLong(options.getOrDefault("--seed", "13"));
        if (rate <= 0 || seconds.isZero() || seconds.isNegative()) {
            throw new IllegalArgumentException("--rps and --seconds must be positive");
        }
        if (options.containsKey("--self-test")) {
            selfTest(options.getOrDefault("--client", "sockets"), Integer.parseInt(options.getOrDefault("--connections", "32")),
                    rate, seconds, warmup, timeout, seed);
            return;
        }
        URI base = URI.create(required(options, "--base"));
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("the benchmark loads 127.0.0.1 only, not " + base.getHost());
        }
        RequestMix mix = RequestMix.read(Path.of(required(options, "--mix")));
        String token = options.containsKey("--token-file")
                ? Files.readString(Path.of(options.get("--token-file")), StandardCharsets.UTF_8).strip() : null;
        if (token == null && mix.kinds().stream().anyMatch(RequestMix.Kind::authenticated)) {
            throw new IllegalArgumentException("the mix sends a token: give --token-file");
        }
        String client = options.getOrDefault("--client", "sockets");
        int connections = Integer.parseInt(options.getOrDefault("--connections", "32"));
        report(mix, rate, warmup, seconds, timeout, seed, transport(client, base, mix, token, timeout, connections));
    }

    private static Transport transport(String client, URI base, RequestMix mix, String token, Duration timeout, int connections) {
        return switch (client) {
            case "sockets" -> new SocketTransport(base, mix, token, timeout, connections);
            case "jdk" -> new JdkClientTransport(base, mix, token, timeout);
            default -> throw new IllegalArgumentException("--client is sockets or jdk, not " + client);
        };
    }

    private static void report(RequestMix mix, int rate, Duration warmup, Duration seconds, Duration timeout, long seed,
                               Transport transport) throws InterruptedException {
        System.out.println("client: " + (transport instanceof SocketTransport ? "keep-alive sockets, one selector thread"
                : "java.net.http.HttpClient (HTTP/1.1)") + "; warm-up: " + warmup.toSeconds() + " s (up to the rate over at most 10 s, then at it), not counted");
        LoadFigures figures = new ConstantRateLoad(new ConstantRateLoad.Plan(mix, rate, warmup, seconds, timeout, seed), transport).run();
        figures.print(System.out);
        System.out.println(figures.summaryLine());
    }

    /** The same load against an in-process server that answers at once: what the generator costs on this machine. */
    private static void selfTest(String client, int connections, int rate, Duration seconds, Duration warmup, Duration timeout,
                                 long seed) throws Exception {
        // as Tomcat does by default: without it Nagle holds the body behind the headers until the client's delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ExecutorService handlers = Executors.newFixedThreadPool(2);
        server.setExecutor(handlers);
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            RequestMix mix = RequestMix.of(List.of(new RequestMix.Kind("self-test", 1, false, List.of("/ok"))));
            System.out.println("self-test: the generator against a do-nothing JDK HttpServer in the same JVM");
            report(mix, rate, warmup, seconds, timeout, seed, transport(client, base, mix, null, timeout, connections));
        } finally {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            if (args[i].equals("--self-test")) {
                options.put(args[i], "");
            } else if (i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    static {
        // the JDK client keeps idle connections this long (seconds): longer than any pause in a run
        System.setProperty("jdk.httpclient.keepalive.timeout", "120");
    }
}
