package dev.routeplan.app.ops;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A Redis that answers but refuses routeplan's password is as good as down: the node leaves
 * rotation (as with {@code ReadinessWithRedisDownTests}) and stays alive.
 */
@ServiceTest
class ReadinessWithWrongRedisPasswordTests {

    static final PasswordProtectedRedis REDIS = PasswordProtectedRedis.start();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @DynamicPropertySource
    static void redisWithWrongPassword(DynamicPropertyRegistry registry) {
        registry.add("routeplan.redis.enabled", () -> "true");
        registry.add("routeplan.redis.host", () -> "127.0.0.1");
        registry.add("routeplan.redis.port", () -> REDIS.port);
        registry.add("routeplan.redis.password", () -> "not-" + REDIS.password);
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        REDIS.close();
    }

    @Test
    void isNotReadyWhenRedisRefusesThePassword() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
        mvc.perform(get("/actuator/health/readiness").with(tokens.as(Role.ADMIN)))
                .andExpect(jsonPath("$.components.redis.status").value("DOWN"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void staysAlive() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
