package dev.routeplan.app.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The headers of every API answer, and CORS closed, on the default configuration. */
@ServiceTest
class DefaultSecurityHeadersTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @Test
    void sendsTheSecurityHeadersWithAnAnswer() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN))).andExpect(status().isOk()));
    }

    @Test
    void sendsTheSecurityHeadersWithARefusal() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized()));
        expectSecurityHeaders(mvc.perform(get("/api/v1/audit").with(tokens.as(Role.OPS))).andExpect(status().isForbidden()));
    }

    @Test
    void keepsCrossOriginCallsClosedByDefault() throws Exception {
        mvc.perform(options("/api/v1/audit")
                        .header(HttpHeaders.ORIGIN, "https://console.example.test")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization"))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN)).header(HttpHeaders.ORIGIN, "https://console.example.test"))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    private static void expectSecurityHeaders(ResultActions answer) throws Exception {
        answer.andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")));
    }
}
