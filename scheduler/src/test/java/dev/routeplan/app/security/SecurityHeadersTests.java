package dev.routeplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a browser and a caller see around an answer of {@link ProbedServiceTest}'s service (one
 * CORS origin allowed there; the default, closed, is in {@link DefaultSecurityHeadersTests}).
 */
@ProbedServiceTest
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @LocalServerPort
    int port;

    @Test
    void letsAConfiguredOriginCallTheApi() throws Exception {
        mvc.perform(options("/api/v1/probe")
                        .header(HttpHeaders.ORIGIN, ProbeContext.CONSOLE_ORIGIN)
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ProbeContext.CONSOLE_ORIGIN))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS));
    }

    @Test
    void refusesAnOriginThatIsNotConfigured() throws Exception {
        mvc.perform(options("/api/v1/probe")
                        .header(HttpHeaders.ORIGIN, "https://evil.example.test")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        mvc.perform(get("/api/v1/probe").with(tokens.as(Role.OPS)).header(HttpHeaders.ORIGIN, "https://evil.example.test"))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void answersABugWith500AndNoStackTraceOrMessage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/probe/failure"))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(Role.OPS))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("500")
                .doesNotContain(ProbeContext.INTERNAL_DETAIL, "IllegalStateException", "Exception", "dev.routeplan",
                        "\tat ", "trace");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().allValues(HttpHeaders.CACHE_CONTROL)).isNotEmpty()
                .allSatisfy(value -> assertThat(List.of(value.split(",\\s*"))).contains("no-store"));
    }
}
