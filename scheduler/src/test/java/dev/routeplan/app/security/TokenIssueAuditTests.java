package dev.routeplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditFilter;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.audit.AuditRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Tokens of the embedded authorization server for machine clients (client credentials), and their audit rows. */
@ProbedServiceTest
class TokenIssueAuditTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JsonMapper json;

    @Test
    void issuesAClientATokenTheApiAcceptsWithTheClientsRolesAndAuditsIt() throws Exception {
        String token = clientCredentials(ProbeContext.ADMIN_CLIENT, ProbeContext.ADMIN_SECRET);

        mvc.perform(get("/api/v1/audit").param("action", "TOKEN_ISSUE").param("subject", ProbeContext.ADMIN_CLIENT)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].subject").value(ProbeContext.ADMIN_CLIENT))
                .andExpect(jsonPath("$.entries[0].roles[0]").value("ADMIN"))
                .andExpect(jsonPath("$.entries[0].target").value("client " + ProbeContext.ADMIN_CLIENT))
                .andExpect(jsonPath("$.entries[0].outcome").value("SUCCEEDED"));
    }

    @Test
    void givesAPlannerClientsTokenThePlannersRolesOnly() throws Exception {
        String token = clientCredentials(ProbeContext.PLANNER_CLIENT, ProbeContext.PLANNER_SECRET);

        mvc.perform(get("/api/v1/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isForbidden());
        List<AuditRecord> issued = auditLog.find(new AuditFilter(AuditAction.TOKEN_ISSUE, ProbeContext.PLANNER_CLIENT, null, null, null),
                0, 10).entries();
        assertThat(issued).isNotEmpty().allSatisfy(row -> assertThat(row.roles()).containsExactly("PLANNER"));
        assertThat(issued.get(0).detail()).doesNotContain(token);
    }

    @Test
    void refusesAWrongSecretWithoutAToken() throws Exception {
        long before = auditLog.find(new AuditFilter(AuditAction.TOKEN_ISSUE, ProbeContext.ADMIN_CLIENT, null, null, null), 0, 1).total();

        mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials")
                        .with(httpBasic(ProbeContext.ADMIN_CLIENT, "not-the-secret")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.access_token").doesNotExist());

        assertThat(auditLog.find(new AuditFilter(AuditAction.TOKEN_ISSUE, ProbeContext.ADMIN_CLIENT, null, null, null), 0, 1).total())
                .isEqualTo(before);
    }

    private String clientCredentials(String client, String secret) throws Exception {
        String body = mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").with(httpBasic(client, secret)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("access_token").asString();
    }
}
