package dev.routeplan.app.console;

import dev.routeplan.app.security.Role;
import java.util.List;
import java.util.Set;

/** The console's pages: where they are and who may open them (the handlers' {@code @PreAuthorize} says the same). */
final class ConsolePages {

    static final String LOGIN = "/login";
    static final String DENIED = "/denied";

    /** A page of the navigation and the roles that see it (ADMIN sees every page through the role hierarchy). */
    public record Page(String label, String path, Set<Role> roles) {
    }

    static final List<Page> NAVIGATION = List.of(
            new Page("Runs", "/runs", Set.of(Role.OPS, Role.PLANNER)),
            new Page("Plans", "/plans", Set.of(Role.PLANNER)),
            new Page("Compliance", "/compliance", Set.of(Role.COMPLIANCE)),
            new Page("Schedules", "/schedules", Set.of(Role.OPS)),
            new Page("Audit", "/audit", Set.of(Role.ADMIN)));

    private ConsolePages() {
    }
}
