package dev.routeplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.ProbeContext.ProbeEndpoints;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Rate limits of {@link ProbedServiceTest}: mutating calls at the default 100 per 15 minutes,
 * reads 20 a minute (OPS 30, the subject {@code bench-client} 50), two event streams per client.
 * Each test calls as a subject of its own, so the tests share the limiters without meeting.
 */
@ProbedServiceTest
class RateLimitTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    ProbeEndpoints probe;

    @Test
    void answersTheHundredAndFirstChangeInTheWindowWith429AndRetryAfter() throws Exception {
        RequestPostProcessor client = bearer("robot-" + UUID.randomUUID(), Role.OPS);
        for (int call = 1; call <= 100; call++) {
            mvc.perform(post("/api/v1/probe").with(client)).andExpect(status().isNoContent());
        }

        MvcResult refused = mvc.perform(post("/api/v1/probe").with(client))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andReturn();

        long retryAfter = Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).as("seconds until the 15-minute window refreshes").isBetween(14 * 60L, 15 * 60L);
    }

    @Test
    void countsReadsApartFromChanges() throws Exception {
        RequestPostProcessor client = bearer("robot-" + UUID.randomUUID(), Role.PLANNER);
        for (int call = 1; call <= 100; call++) {
            mvc.perform(post("/api/v1/probe").with(client)).andExpect(status().isNoContent());
        }
        mvc.perform(post("/api/v1/probe").with(client)).andExpect(status().isTooManyRequests());

        assertThat(readsAllowed(client)).as("reads of a client out of changes").isEqualTo(20);
    }

    @Test
    void givesARoleItsOwnLimitAndOneSubjectItsOverride() throws Exception {
        assertThat(readsAllowed(bearer("robot-" + UUID.randomUUID(), Role.PLANNER))).isEqualTo(20);
        assertThat(readsAllowed(bearer("robot-" + UUID.randomUUID(), Role.OPS))).isEqualTo(30);
        assertThat(readsAllowed(bearer("bench-client", Role.ADMIN))).isEqualTo(50);
    }

    @Test
    void limitsEachClientOnItsOwn() throws Exception {
        RequestPostProcessor first = bearer("robot-" + UUID.randomUUID(), Role.PLANNER);
        RequestPostProcessor second = bearer("robot-" + UUID.randomUUID(), Role.PLANNER);
        assertThat(readsAllowed(first)).isEqualTo(20);

        mvc.perform(get("/api/v1/probe").with(second)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/probe").with(first)).andExpect(status().isTooManyRequests());
    }

    @Test
    void limitsCallsWithoutATokenByClientAddress() throws Exception {
        RequestPostProcessor flooding = from("192.0.2.10");
        for (int call = 1; call <= 20; call++) {
            mvc.perform(get("/api/v1/probe").with(flooding)).andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/v1/probe").with(flooding)).andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/v1/probe").with(from("198.51.100.7"))).andExpect(status().isUnauthorized());
    }

    @Test
    void capsTheEventStreamsOneClientHoldsOpen() throws Exception {
        RequestPostProcessor client = bearer("console-" + UUID.randomUUID(), Role.OPS);
        MvcResult first = mvc.perform(get("/api/v1/probe/events").with(client)).andExpect(status().isOk()).andReturn();
        mvc.perform(get("/api/v1/probe/events").with(client)).andExpect(status().isOk());
        assertThat(first.getRequest().isAsyncStarted()).isTrue();

        mvc.perform(get("/api/v1/probe/events").with(client))
                .andExpect(status().isTooManyRequests())
                .andExpect(result -> assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank());
        mvc.perform(get("/api/v1/probe/events").with(bearer("console-" + UUID.randomUUID(), Role.OPS)))
                .andExpect(status().isOk());

        probe.closeOneStream();
        mvc.perform(asyncDispatch(first));
        mvc.perform(get("/api/v1/probe/events").with(client)).andExpect(status().isOk());
    }

    /** Reads until refused; how many were let through (the window is a minute, far longer than the loop). */
    private int readsAllowed(RequestPostProcessor client) throws Exception {
        for (int call = 0; call < 200; call++) {
            int status = mvc.perform(get("/api/v1/probe").with(client)).andReturn().getResponse().getStatus();
            if (status == 429) {
                return call;
            }
            assertThat(status).isEqualTo(200);
        }
        throw new AssertionError("200 reads let through");
    }

    private RequestPostProcessor bearer(String subject, Role role) {
        String token = tokens.token(subject, List.of(role));
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
