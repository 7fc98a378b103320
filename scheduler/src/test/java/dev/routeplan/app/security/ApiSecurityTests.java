package dev.routeplan.app.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ServiceTest
class ApiSecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @Test
    void refusesACallWithoutATokenAsAProblem() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void acceptsATokenOfTheEmbeddedIssuer() throws Exception {
        mvc.perform(get("/v3/api-docs").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists());
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String expired = tokens.tokenIssuedAt(Role.ADMIN, Instant.now().minus(Duration.ofHours(3)));
        mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesATokenWithATamperedSignature() throws Exception {
        String token = tokens.token(Role.ADMIN);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, "Bearer " + tampered))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void letsProbesReadHealthWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void keepsPrometheusForTheScraperRole() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(tokens.as(Role.OPS))).andExpect(status().isForbidden());
    }
}
