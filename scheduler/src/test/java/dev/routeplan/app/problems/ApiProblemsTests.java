package dev.routeplan.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.security.ProbeContext;
import dev.routeplan.app.security.ProbedServiceTest;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of {@code /api/v1} is an RFC 9457 problem, whoever answers it: Spring MVC, a
 * controller, the security chain or the container's error path. The calls go to a real server
 * (so an error takes the container's path, as in production), each as a client of its own, with
 * a valid token unless the case is about the token. The 500 is provoked by the test-only endpoint
 * {@code /api/v1/probe/failure} of {@link ProbeContext}, which throws an exception whose message
 * no answer may repeat; the missing parameter by the test-only {@code /api/v1/probe/required}.
 */
@ProbedServiceTest
class ApiProblemsTests {

    @Autowired
    TestTokens tokens;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * One call and the problem it must get.
     *
     * @param role the token's role, null for a call without a token
     * @param readsBefore reads of the same call made first by the same client (to reach the rate limit)
     * @param field the {@code field} the problem must name, or null for none
     */
    record Call(String what, String method, String path, String contentType, String accept, String body, Role role,
                int readsBefore, int status, String field) {

        @Override
        public String toString() {
            return what + ": " + method + " " + path + " -> " + status;
        }
    }

    static Stream<Call> calls() {
        return Stream.of(
                new Call("a bug (the test-only endpoint throws)", "GET", "/api/v1/probe/failure", null, null, null, Role.OPS, 0, 500, null),
                new Call("a path nothing serves", "GET", "/api/v1/no-such-thing", null, null, null, Role.ADMIN, 0, 404, null),
                new Call("a run that does not exist", "GET", "/api/v1/runs/987654321", null, null, null, Role.OPS, 0, 404, null),
                new Call("a schedule that does not exist", "GET", "/api/v1/schedules/no-such-schedule", null, null, null, Role.OPS, 0, 404, null),
                new Call("a date with nothing published", "GET", "/api/v1/plans/2026-12-01", null, null, null, Role.PLANNER, 0, 404, null),
                new Call("a method the path does not take", "DELETE", "/api/v1/runs", null, null, null, Role.OPS, 0, 405, null),
                new Call("a body that is not JSON", "POST", "/api/v1/runs", "application/json", null, "{\"planDate\": ", Role.OPS, 0, 400, null),
                new Call("a body field of the wrong type", "POST", "/api/v1/runs", "application/json", null,
                        "{\"planDate\":\"2026-12-01\",\"grapStage\":\"high\"}", Role.OPS, 0, 400, "grapStage"),
                new Call("a required body field left out", "POST", "/api/v1/runs", "application/json", null, "{}", Role.OPS, 0, 400, "planDate"),
                new Call("a path variable of the wrong type", "GET", "/api/v1/runs/abc", null, null, null, Role.OPS, 0, 400, "id"),
                new Call("a date path variable that is not a date", "GET", "/api/v1/inputs/2026-13-01", null, null, null, Role.PLANNER, 0, 400, "date"),
                new Call("a query parameter of the wrong type", "GET", "/api/v1/audit?page=first", null, null, null, Role.ADMIN, 0, 400, "page"),
                // overlong UTF-8 for "../": Tomcat refuses to decode it only when the controller reads the parameter
                new Call("a query string that is not UTF-8", "GET", "/api/v1/runs?from=%c0%ae%c0%ae%c0%af", null, null, null, Role.OPS, 0, 400, null),
                new Call("a required parameter left out (test-only endpoint)", "GET", "/api/v1/probe/required", null, null, null, Role.OPS, 0, 400, "count"),
                new Call("a body of a media type the call does not take", "POST", "/api/v1/runs", "text/plain", null, "2026-12-01", Role.OPS, 0, 415, null),
                new Call("an answer of a media type the call does not give", "GET", "/api/v1/runs", null, "text/csv", null, Role.OPS, 0, 406, null),
                new Call("a path the security firewall refuses", "GET", "/api/v1/runs;x=1", null, null, null, Role.OPS, 0, 400, null),
                new Call("no token", "GET", "/api/v1/runs", null, null, null, null, 0, 401, null),
                new Call("a role that may not", "GET", "/api/v1/audit", null, null, null, Role.PLANNER, 0, 403, null),
                new Call("over the read limit (20 a minute here)", "GET", "/api/v1/probe", null, null, null, Role.PLANNER, 20, 429, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void answersEveryErrorAsAProblemWithTheRequestId(Call call) throws Exception {
        String subject = "problems-" + UUID.randomUUID();
        for (int read = 0; read < call.readsBefore(); read++) {
            assertThat(send(call, subject, "warm-up-" + read).statusCode()).isEqualTo(200);
        }
        String requestId = "problems-test-" + UUID.randomUUID();

        HttpResponse<String> response = send(call, subject, requestId);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(call.status());
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(call.status());
        assertThat(problem.path("title").asString()).isEqualTo(HttpStatus.valueOf(call.status()).getReasonPhrase());
        assertThat(problem.path("requestId").asString()).as("the id the caller sent, to quote").isEqualTo(requestId);
        if (call.field() != null) {
            assertThat(problem.path("field").asString()).isEqualTo(call.field());
        } else {
            assertThat(problem.has("field")).isFalse();
        }
        assertThat(response.body()).doesNotContain("Exception", "dev.routeplan", "\tat ");
        if (call.status() == 500) {
            assertThat(response.body()).doesNotContain(ProbeContext.INTERNAL_DETAIL, "jdbc:", "IllegalState");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsABugAtErrorWithTheRequestIdAndTheCause(CapturedOutput output) throws Exception {
        String requestId = "problems-log-" + UUID.randomUUID();

        HttpResponse<String> response = send(calls().findFirst().orElseThrow(), "problems-" + UUID.randomUUID(), requestId);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(output.getOut().lines().filter(line -> line.contains(requestId)).toList())
                .singleElement().satisfies(line -> assertThat(line).contains("ERROR", "GET /api/v1/probe/failure"));
        assertThat(output.getOut()).as("the cause is in the log, for operations").contains(ProbeContext.INTERNAL_DETAIL);
    }

    private HttpResponse<String> send(Call call, String subject, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .header("X-Request-Id", requestId)
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.role() != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(subject, List.of(call.role())));
        }
        if (call.contentType() != null) {
            request.header(HttpHeaders.CONTENT_TYPE, call.contentType());
        }
        if (call.accept() != null) {
            request.header(HttpHeaders.ACCEPT, call.accept());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
