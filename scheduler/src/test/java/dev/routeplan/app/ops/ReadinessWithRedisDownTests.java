package dev.routeplan.app.ops;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With the travel cache enabled and its Redis down (a closed loopback port), the node is not ready. */
@ServiceTest
class ReadinessWithRedisDownTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @DynamicPropertySource
    static void redisDown(DynamicPropertyRegistry registry) {
        int closed = LoopbackPorts.closed();
        registry.add("routeplan.redis.enabled", () -> "true");
        registry.add("routeplan.redis.host", () -> "127.0.0.1");
        registry.add("routeplan.redis.port", () -> closed);
        registry.add("routeplan.redis.timeout", () -> "500ms");
    }

    @Test
    void isNotReadyWhenRedisIsEnabledAndDown() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
        mvc.perform(get("/actuator/health/readiness").with(tokens.as(Role.ADMIN)))
                .andExpect(jsonPath("$.components.redis.status").value("DOWN"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void staysAliveWhenRedisIsDown() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
