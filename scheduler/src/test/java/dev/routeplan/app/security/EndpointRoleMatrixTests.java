package dev.routeplan.app.security;

import static dev.routeplan.app.security.Role.ADMIN;
import static dev.routeplan.app.security.Role.COMPLIANCE;
import static dev.routeplan.app.security.Role.OPS;
import static dev.routeplan.app.security.Role.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every endpoint under {@code /api/v1} x every role (and no token). A new
 * endpoint fails {@link #everyEndpointUnderApiV1HasARule()} until it has a row in {@link #MATRIX}.
 * A row lists the roles whose token alone is let in (ADMIN is in every row: it implies the other
 * roles); the others get 403, a call without a token 401. An allowed call is made with made-up ids
 * and an empty JSON body, so a 400 or 404 is an answer; only 401 and 403 are refusals.
 */
@ServiceTest
class EndpointRoleMatrixTests {

    static final List<Rule> MATRIX = List.of(
            rule(HttpMethod.GET, "/api/v1/audit", ADMIN),
            rule(HttpMethod.POST, "/api/v1/erasures", ADMIN),
            rule(HttpMethod.GET, "/api/v1/runs", OPS, PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/runs/{id}", OPS, PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/runs/{id}/events", OPS, PLANNER, ADMIN),
            rule(HttpMethod.POST, "/api/v1/runs", OPS, ADMIN),
            rule(HttpMethod.POST, "/api/v1/runs/{id}/restart", OPS, ADMIN),
            rule(HttpMethod.POST, "/api/v1/runs/{id}/stop", OPS, ADMIN),
            rule(HttpMethod.POST, "/api/v1/runs/{id}/abandon", OPS, ADMIN),
            rule(HttpMethod.POST, "/api/v1/runs/{id}/recover", OPS, ADMIN),
            rule(HttpMethod.POST, "/api/v1/runs/backfill", OPS, ADMIN),
            rule(HttpMethod.GET, "/api/v1/schedules", OPS, ADMIN),
            rule(HttpMethod.GET, "/api/v1/schedules/{name}", OPS, ADMIN),
            rule(HttpMethod.PATCH, "/api/v1/schedules/{name}", OPS, ADMIN),
            rule(HttpMethod.POST, "/api/v1/schedules/{name}/pause", OPS, ADMIN),
            rule(HttpMethod.POST, "/api/v1/schedules/{name}/resume", OPS, ADMIN),
            rule(HttpMethod.GET, "/api/v1/plans/{date}", PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/plans/{date}/depots/{depot}", PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/plans/{date}/depots/{depot}/files/{name}", PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/plans/{date}/files/{name}", PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/rejects/{date}", PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/rejects/{date}/files/{name}", PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/inputs/{date}", PLANNER, ADMIN),
            rule(HttpMethod.GET, "/api/v1/compliance/{date}", COMPLIANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/compliance/{date}/files/{name}", COMPLIANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/compliance/{date}/routes/{routeId}", COMPLIANCE, ADMIN),
            // read-only for planners; a withdrawal ("withdraw": true) is COMPLIANCE's alone (ComplianceApiTests)
            rule(HttpMethod.POST, "/api/v1/compliance/{date}/what-if", PLANNER, COMPLIANCE, ADMIN)
    );

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyEndpointUnderApiV1HasARule() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo mapping : handlers.getHandlerMethods().keySet()) {
            Set<String> methods = mapping.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/v1")) {
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + path + " (name the HTTP method of this mapping)");
                    }
                    methods.forEach(method -> endpoints.add(method + " " + path));
                }
            }
        }
        Set<String> rules = MATRIX.stream().map(Rule::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(endpoints).as("endpoints under /api/v1 (each needs a row in EndpointRoleMatrixTests.MATRIX)")
                .containsExactlyInAnyOrderElementsOf(rules);
        assertThat(MATRIX).as("ADMIN implies every role, so every row lets ADMIN in")
                .allSatisfy(rule -> assertThat(rule.allowed()).contains(ADMIN));
        assertThat(rules).as("one row per endpoint").hasSameSizeAs(MATRIX);
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Rule rule : MATRIX) {
            calls.add(Arguments.of(rule, Caller.ANONYMOUS));
            for (Role role : Role.values()) {
                calls.add(Arguments.of(rule, new Caller(role)));
            }
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("calls")
    void answersEachRoleAsItsRuleSays(Rule rule, Caller caller) throws Exception {
        MockHttpServletRequestBuilder call = request(rule.method(), rule.example());
        if (rule.body() != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(rule.body());
        }
        if (caller.role() != null) {
            call.with(tokens.as(caller.role()));
        }

        int status = mvc.perform(call).andReturn().getResponse().getStatus();

        if (caller.role() == null) {
            assertThat(status).as("%s without a token", rule.endpoint()).isEqualTo(401);
        } else if (rule.allowed().contains(caller.role())) {
            assertThat(status).as("%s as %s, allowed", rule.endpoint(), caller).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s as %s, not allowed", rule.endpoint(), caller).isEqualTo(403);
        }
    }

    static Rule rule(HttpMethod method, String path, Role... allowed) {
        boolean sendsBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        return new Rule(method, path, EnumSet.copyOf(Arrays.asList(allowed)), sendsBody ? "{}" : null, null);
    }

    /**
     * One endpoint and the roles allowed to call it.
     *
     * @param body        what an allowed call sends (POST, PUT, PATCH: an empty JSON object unless given)
     * @param examplePath the path called, when the made-up values of {@link #example()} will not do
     */
    record Rule(HttpMethod method, String path, Set<Role> allowed, String body, String examplePath) {

        Rule body(String json) {
            return new Rule(method, path, allowed, json, examplePath);
        }

        Rule calledAs(String path) {
            return new Rule(method, this.path, allowed, body, path);
        }

        String endpoint() {
            return method.name() + " " + path;
        }

        /** The path with made-up values: a date for a variable named like one, a number for the rest. */
        String example() {
            if (examplePath != null) {
                return examplePath;
            }
            return PATH_VARIABLE.matcher(path).replaceAll(variable ->
                    variable.group(1).toLowerCase().contains("date") ? "2999-01-01" : "999999");
        }

        @Override
        public String toString() {
            return endpoint();
        }
    }

    /** A role's token, or none. */
    record Caller(Role role) {

        static final Caller ANONYMOUS = new Caller(null);

        @Override
        public String toString() {
            return role == null ? "anonymous" : role.name();
        }
    }
}
