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

/**
 * Readiness on the embedded default, with a mail server and an SFTP outbox that are down (closed
 * loopback ports): they show in the full health, for ADMIN, and never take the node out of rotation.
 */
@ServiceTest
class ReadinessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @DynamicPropertySource
    static void mailServerAndOutboxDown(DynamicPropertyRegistry registry) {
        LoopbackPorts.deliveryChannelsDown(registry);
    }

    @Test
    void isReadyOnTheEmbeddedDefaultWithTheDatabaseAndTheSchedule() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness").with(tokens.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.quartz.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.mail").doesNotExist())
                .andExpect(jsonPath("$.components.sftpOutbox").doesNotExist());
    }

    @Test
    void aMailServerOrOutboxThatIsDownShowsInTheFullHealthButLeavesTheNodeReady() throws Exception {
        mvc.perform(get("/actuator/health").with(tokens.as(Role.ADMIN)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.mail.status").value("DOWN"))
                .andExpect(jsonPath("$.components.sftpOutbox.status").value("DOWN"))
                .andExpect(jsonPath("$.components.sftpOutbox.details.server").value(org.hamcrest.Matchers.startsWith("127.0.0.1:")))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void livenessAnswersWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void showsComponentsOnlyToAdmin() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(tokens.as(Role.OPS)))
                .andExpect(jsonPath("$.components").doesNotExist());
    }
}
