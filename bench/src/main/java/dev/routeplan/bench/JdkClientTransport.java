package dev.routeplan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Requests through the JDK's {@link HttpClient} (HTTP/1.1; it opens a connection per concurrent request). */
final class JdkClientTransport implements Transport {

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "jdk-client-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;
    private final List<List<HttpRequest>> requests = new ArrayList<>();

    JdkClientTransport(URI base, RequestMix mix, String token, Duration timeout) {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(callbacks)
                .build();
        for (RequestMix.Kind kind : mix.kinds()) {
            // built once: building a request per send would be the generator's cost, not the server's
            requests.add(kind.paths().stream().map(path -> {
                HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
                if (kind.authenticated()) {
                    builder.header("Authorization", "Bearer " + token);
                }
                return builder.build();
            }).toList());
        }
    }

    @Override
    public void send(int kind, int path, long dueNanos, Completion completion) {
        client.sendAsync(requests.get(kind).get(path), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long done = System.nanoTime();
            if (failure == null) {
                completion.done(response.statusCode(), response.headers().firstValueAsLong("Content-Length").orElse(0), null, done);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                completion.done(0, 0, cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName(), done);
            }
        });
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
