package dev.routeplan.app.console;

import static dev.routeplan.app.security.Role.ADMIN;
import static dev.routeplan.app.security.Role.COMPLIANCE;
import static dev.routeplan.app.security.Role.OPS;
import static dev.routeplan.app.security.Role.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may open which console page, as {@code EndpointRoleMatrixTests} does for the API: every
 * page x every person role, and someone not signed in (sent to {@code /login}). An allowed call
 * answers the page (a made-up run is a 404 page; a POST without {@code confirmed} only shows the
 * confirmation, so nothing is started, paused or changed); a refused one is 403.
 */
@ServiceTest
class ConsolePageRoleMatrixTests {

    static final List<Page> MATRIX = List.of(
            page(HttpMethod.GET, "/runs", OPS, PLANNER, ADMIN),
            page(HttpMethod.GET, "/runs/{id}", OPS, PLANNER, ADMIN),
            page(HttpMethod.GET, "/runs/{id}/events", OPS, PLANNER, ADMIN),
            page(HttpMethod.POST, "/runs/start", OPS, ADMIN),
            page(HttpMethod.POST, "/runs/{id}/restart", OPS, ADMIN),
            page(HttpMethod.POST, "/runs/{id}/stop", OPS, ADMIN),
            // runs: recover, abandon, backfill, and the date's rejects workbook (a planner's, as the rejects API)
            page(HttpMethod.POST, "/runs/{id}/recover", OPS, ADMIN),
            page(HttpMethod.POST, "/runs/{id}/abandon", OPS, ADMIN),
            page(HttpMethod.POST, "/runs/backfill", OPS, ADMIN),
            page(HttpMethod.GET, "/runs/{id}/rejects/{name}", PLANNER, ADMIN),
            page(HttpMethod.GET, "/plans", PLANNER, ADMIN),
            page(HttpMethod.GET, "/plans/{date}/depots/{depot}/files/{name}", PLANNER, ADMIN),
            page(HttpMethod.GET, "/plans/{date}/files/{name}", PLANNER, ADMIN),
            page(HttpMethod.GET, "/compliance", COMPLIANCE, ADMIN),
            page(HttpMethod.GET, "/compliance/routes/{id}", COMPLIANCE, ADMIN),
            page(HttpMethod.GET, "/compliance/files/{name}", COMPLIANCE, ADMIN),
            page(HttpMethod.POST, "/compliance/what-if", COMPLIANCE, ADMIN),
            page(HttpMethod.POST, "/compliance/withdraw", COMPLIANCE, ADMIN),
            page(HttpMethod.GET, "/schedules", OPS, ADMIN),
            page(HttpMethod.POST, "/schedules/{name}/pause", OPS, ADMIN),
            page(HttpMethod.POST, "/schedules/{name}/resume", OPS, ADMIN),
            page(HttpMethod.POST, "/schedules/{name}/change", OPS, ADMIN),
            page(HttpMethod.GET, "/audit", ADMIN));

    /** Open to everyone signed in (or to all): the start page, sign-in, the refusal page. */
    private static final Set<String> FOR_EVERYONE = Set.of("GET /", "GET /login", "ANY /denied");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyConsolePageHasARule() {
        Set<String> pages = new TreeSet<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            if (!method.getBeanType().getPackageName().equals(ConsolePages.class.getPackageName())) {
                return;
            }
            Set<String> methods = mapping.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
            for (String path : mapping.getPatternValues()) {
                if (methods.isEmpty()) {
                    pages.add("ANY " + path);
                }
                methods.forEach(m -> pages.add(m + " " + path));
            }
        });
        Set<String> rules = MATRIX.stream().map(Page::endpoint).collect(Collectors.toCollection(TreeSet::new));
        rules.addAll(FOR_EVERYONE);

        assertThat(pages).as("console pages (each needs a row in ConsolePageRoleMatrixTests.MATRIX)")
                .containsExactlyInAnyOrderElementsOf(rules);
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Page page : MATRIX) {
            calls.add(Arguments.of(page, null));
            for (Role role : List.of(OPS, PLANNER, COMPLIANCE, ADMIN)) {
                calls.add(Arguments.of(page, role));
            }
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("calls")
    void answersEachRoleAsItsRuleSays(Page page, Role role) throws Exception {
        MockHttpServletRequestBuilder call = request(page.method(), page.example());
        if (page.method() == HttpMethod.POST) {
            call.param("planDate", "2999-01-01").with(csrf());
        }
        if (role != null) {
            call.with(user("someone").roles(role.name()));
        }

        MockHttpServletResponse answer = mvc.perform(call).andReturn().getResponse();

        if (role == null) {
            assertThat(answer.getStatus()).as("%s not signed in", page.endpoint()).isEqualTo(302);
            assertThat(answer.getRedirectedUrl()).endsWith("/login");
        } else if (page.allowed().contains(role)) {
            assertThat(answer.getStatus()).as("%s as %s, allowed", page.endpoint(), role).isIn(200, 404);
        } else {
            assertThat(answer.getStatus()).as("%s as %s, not allowed", page.endpoint(), role).isEqualTo(403);
        }
    }

    static Page page(HttpMethod method, String path, Role... allowed) {
        return new Page(method, path, EnumSet.copyOf(Arrays.asList(allowed)));
    }

    record Page(HttpMethod method, String path, Set<Role> allowed) {

        String endpoint() {
            return method.name() + " " + path;
        }

        String example() {
            return path.replace("{id}", "999999").replace("{name}", "nightly-plan").replace("{date}", "2999-01-01")
                    .replace("{depot}", "D1");
        }

        @Override
        public String toString() {
            return endpoint();
        }
    }
}
