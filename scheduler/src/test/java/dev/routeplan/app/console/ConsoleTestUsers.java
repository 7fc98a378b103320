package dev.routeplan.app.console;

import dev.routeplan.app.security.ConsoleUsers;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import java.util.Set;

/** Console users for tests, written to the same store {@code routeplan user add} writes (beside the test's signing key). */
public final class ConsoleTestUsers {

    private final ConsoleUsers users;

    public ConsoleTestUsers(SecurityProperties security) {
        this.users = ConsoleUsers.besideSigningKey(security);
    }

    /** Adds the user, first removing one of that name (the test contexts share the key folder). */
    public void replace(String name, Set<Role> roles, String password) {
        if (users.find(name).isPresent()) {
            users.remove(name);
        }
        users.add(name, roles, password);
    }
}
