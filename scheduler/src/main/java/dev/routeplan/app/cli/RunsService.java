package dev.routeplan.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runs API of a running service ({@code routeplan serve}), as {@code run --attach} calls it:
 * start a date, read a run, follow its events. Whatever keeps a call from being answered (the
 * service not there, a token it refuses, a refusal of the request) is an {@link Unanswered} whose
 * message says in one line which service and why.
 */
final class RunsService {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final URI service;
    private final String token;
    private final TokenSource tokenSource;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Where the bearer token came from: what to tell the operator when the service refuses it. */
    enum TokenSource {
        ENVIRONMENT("the token in ROUTEPLAN_TOKEN (expired, or not of this service's issuer?)"),
        MINTED("the token minted from this machine's signing key (is routeplan.security.signing-key the service's file? "
                + "else set ROUTEPLAN_TOKEN)");

        private final String described;

        TokenSource(String described) {
            this.described = described;
        }
    }

    /** The run a start created, or the one already running for the date ({@code alreadyRunning}). */
    record Started(long id, Long attempt, boolean alreadyRunning) {
    }

    RunsService(URI service, String token, TokenSource tokenSource) {
        this.service = service;
        this.token = token;
        this.tokenSource = tokenSource;
        // HTTP/1.1: no upgrade dance with the servlet container for a plain http:// URL
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    URI uri() {
        return service;
    }

    /** An address of the service's API; a service behind a path prefix keeps it. */
    URI at(String path) {
        return URI.create(service + path);
    }

    /** {@code POST /api/v1/runs}; a 409 that names the running execution is that run, not a failure. */
    Started start(LocalDate planDate, Integer grapStage, double solverSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planDate", planDate.toString());
        if (grapStage != null) {
            body.put("grapStage", grapStage);
        }
        body.put("solverSeconds", solverSeconds);
        HttpResponse<String> response = call(request("/api/v1/runs").timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), "start the run");
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 202) {
            return new Started(answer.path("id").asLong(), number(answer, "attempt"), false);
        }
        if (response.statusCode() == 409 && number(answer, "runningExecutionId") != null) {
            return new Started(number(answer, "runningExecutionId"), null, true);
        }
        throw refused(response, answer, "start the run");
    }

    /** {@code GET /api/v1/runs/{id}}: the run with its steps. */
    JsonNode run(long id) {
        HttpResponse<String> response = call(request("/api/v1/runs/" + id).timeout(CALL_TIMEOUT).GET().build(),
                "read run " + id);
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            throw refused(response, answer, "read run " + id);
        }
        return answer;
    }

    /** {@code GET /api/v1/runs/{id}/events}, open until the service ends it (the caller closes what it gets). */
    Events events(long id) {
        String what = "follow run " + id;
        HttpResponse<InputStream> response;
        try {
            response = http.send(request("/api/v1/runs/" + id + "/events").header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered(service + ": interrupted while asking to " + what);
        }
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw refused(response, parse(body), what);
        }
        return new Events(response.body());
    }

    /** An open event stream. */
    static final class Events implements AutoCloseable {
        private final InputStream body;
        private final ServerSentEvents events;

        private Events(InputStream body) {
            this.body = body;
            this.events = new ServerSentEvents(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
        }

        /** The next event; empty when the service closed the stream. */
        java.util.Optional<ServerSentEvents.Event> next() throws IOException {
            return events.next();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** A call the service did not answer as asked; the message is the one line the operator reads. */
    static final class Unanswered extends RuntimeException {
        Unanswered(String message) {
            super(message);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(at(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> call(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered(service + ": interrupted while asking to " + what);
        }
    }

    private Unanswered unreachable(IOException e, String what) {
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (e instanceof ConnectException) {
            why = "connection refused (is routeplan serve running there?)";
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer within " + CALL_TIMEOUT.toSeconds() + " s";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new Unanswered("cannot reach the service at " + service + " to " + what + ": " + why);
    }

    private Unanswered refused(HttpResponse<?> response, JsonNode problem, String what) {
        int status = response.statusCode();
        String detail = problem.path("detail").asString("");
        String why = switch (status) {
            case 401 -> "401, it did not accept " + tokenSource.described;
            case 403 -> "403, the token's roles do not allow it (starting and following a run needs OPS)";
            case 429 -> "429, too many calls from this client" + response.headers().firstValue("Retry-After")
                    .map(seconds -> "; try again in " + seconds + " s").orElse("");
            default -> status + (detail.isEmpty() ? "" : ", " + detail);
        };
        return new Unanswered("the service at " + service + " refused to " + what + ": " + why);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException notJson) {
            // an answer of something else in front of the service (a proxy's HTML page): its status says enough
            return json.createObjectNode();
        }
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }
}
