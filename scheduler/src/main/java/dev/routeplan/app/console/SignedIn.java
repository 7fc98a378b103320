package dev.routeplan.app.console;

import dev.routeplan.app.security.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is signed in, as the pages show it: the name, the roles held and the pages those roles open
 * (through the API's role hierarchy, so ADMIN sees everything). The navigation and the buttons
 * ask {@link #may(String)}; the server checks again on every request.
 *
 * @param roles     the roles held, as given to the user
 * @param effective the roles held and those they imply
 */
public record SignedIn(String name, Set<Role> roles, Set<Role> effective) {

    static SignedIn of(Authentication authentication, RoleHierarchy hierarchy) {
        return new SignedIn(authentication.getName(), roles(authentication.getAuthorities()),
                roles(hierarchy.getReachableGrantedAuthorities(authentication.getAuthorities())));
    }

    private static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authorities.stream().anyMatch(authority -> role.authority().equals(authority.getAuthority()))) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Whether the roles allow {@code role}'s actions ({@code may('OPS')} in a template). */
    public boolean may(String role) {
        return effective.contains(Role.valueOf(role));
    }

    public List<ConsolePages.Page> pages() {
        return ConsolePages.NAVIGATION.stream().filter(page -> page.roles().stream().anyMatch(effective::contains)).toList();
    }

    public String rolesText() {
        return roles.stream().map(Role::name).collect(Collectors.joining(", "));
    }
}
