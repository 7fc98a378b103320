package dev.routeplan.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** With routeplan.redis.password set to what Redis requires, the node is ready and the travel cache fills. */
@ServiceTest
class ReadinessWithRedisPasswordTests {

    static final PasswordProtectedRedis REDIS = PasswordProtectedRedis.start();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TravelTimeProvider travel;

    @DynamicPropertySource
    static void redisWithPassword(DynamicPropertyRegistry registry) {
        registry.add("routeplan.redis.enabled", () -> "true");
        registry.add("routeplan.redis.host", () -> "127.0.0.1");
        registry.add("routeplan.redis.port", () -> REDIS.port);
        registry.add("routeplan.redis.password", () -> REDIS.password);
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        REDIS.close();
    }

    @Test
    void isReadyWithRedisUp() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness").with(tokens.as(Role.ADMIN)))
                .andExpect(jsonPath("$.components.redis.status").value("UP"));
    }

    @Test
    void theTravelCacheStoresMatricesInIt() {
        travel.distanceKm(new GeoPoint(28.530, 77.271), new GeoPoint(28.6315, 77.2167));

        try (JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", REDIS.port),
                DefaultJedisClientConfig.builder().password(REDIS.password).build())) {
            assertThat(redis.keys("routeplan:travel:*".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        }
    }

    @Test
    void theHealthDetailsNameTheAddressButNeverThePassword() throws Exception {
        String health = mvc.perform(get("/actuator/health").with(tokens.as(Role.ADMIN)))
                .andReturn().getResponse().getContentAsString();

        assertThat(health).contains("127.0.0.1:" + REDIS.port).doesNotContain(REDIS.password);
    }
}
