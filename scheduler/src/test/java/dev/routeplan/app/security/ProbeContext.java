package dev.routeplan.app.security;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The fixtures of {@link ProbedServiceTest}; never scanned into another test's context. */
@TestConfiguration(proxyBeanMethods = false)
public class ProbeContext {

    public static final String CONSOLE_ORIGIN = "https://console.example.test";
    /** A machine client with ADMIN, and one with PLANNER; secrets made for this run, configured as bcrypt hashes. */
    public static final String ADMIN_CLIENT = "nightly-robot";
    public static final String PLANNER_CLIENT = "planner-robot";
    public static final String ADMIN_SECRET = UUID.randomUUID().toString();
    public static final String PLANNER_SECRET = UUID.randomUUID().toString();
    /** What the failing endpoint's exception says, which no response may repeat. */
    public static final String INTERNAL_DETAIL = "internal detail jdbc:postgresql://db-7/secret";

    @Bean
    DynamicPropertyRegistrar machineClientsAndRulePack() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return registry -> {
            registry.add("routeplan.rule-pack", () -> Path.of("../config/rules/delhi.yaml").toAbsolutePath().normalize().toString());
            registry.add("routeplan.security.clients[0].id", () -> ADMIN_CLIENT);
            registry.add("routeplan.security.clients[0].secret-hash", () -> "{bcrypt}" + bcrypt.encode(ADMIN_SECRET));
            registry.add("routeplan.security.clients[0].roles", () -> "ADMIN");
            registry.add("routeplan.security.clients[1].id", () -> PLANNER_CLIENT);
            registry.add("routeplan.security.clients[1].secret-hash", () -> "{bcrypt}" + bcrypt.encode(PLANNER_SECRET));
            registry.add("routeplan.security.clients[1].roles", () -> "PLANNER");
        };
    }

    /**
     * (Registered as a member class of this configuration.) Endpoints for any signed-in caller: a
     * read, a change, an event stream held open, a bug, and a read with a required parameter (no
     * endpoint of the API has one yet).
     */
    @RestController
    public static class ProbeEndpoints {

        private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();

        @GetMapping("/api/v1/probe")
        @PreAuthorize("isAuthenticated()")
        public String read() {
            return "{}";
        }

        @PostMapping("/api/v1/probe")
        @PreAuthorize("isAuthenticated()")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        public void change() {
        }

        @GetMapping("/api/v1/probe/events")
        @PreAuthorize("isAuthenticated()")
        public SseEmitter events() {
            SseEmitter stream = new SseEmitter(0L);
            streams.add(stream);
            return stream;
        }

        @GetMapping("/api/v1/probe/failure")
        @PreAuthorize("isAuthenticated()")
        public String failure() {
            throw new IllegalStateException(INTERNAL_DETAIL);
        }

        @GetMapping("/api/v1/probe/required")
        @PreAuthorize("isAuthenticated()")
        public String required(@RequestParam int count) {
            return "{\"count\":" + count + "}";
        }

        /** Ends the oldest open event stream, as a client that goes away would. */
        public void closeOneStream() {
            streams.remove(0).complete();
        }
    }
}
