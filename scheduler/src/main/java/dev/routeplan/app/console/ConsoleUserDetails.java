package dev.routeplan.app.console;

import dev.routeplan.app.security.ConsoleUsers;
import dev.routeplan.app.security.Role;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The console's people as Spring Security asks for them: a user of {@link ConsoleUsers}, its roles as ROLE_ authorities. */
final class ConsoleUserDetails implements UserDetailsService {

    private final ConsoleUsers users;

    ConsoleUserDetails(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        ConsoleUsers.User user = users.find(name).orElseThrow(() -> new UsernameNotFoundException("no such console user"));
        return User.withUsername(user.name())
                .password(user.passwordHash())
                .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }
}
