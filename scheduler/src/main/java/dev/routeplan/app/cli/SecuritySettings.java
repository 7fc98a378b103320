package dev.routeplan.app.cli;

import dev.routeplan.app.security.SecurityProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The security settings ({@code routeplan.security.*}) as the service would bind them, without
 * starting the application: {@code token} and {@code user} work beside a running service, whose
 * database they never touch.
 */
final class SecuritySettings {

    private SecuritySettings() {
    }

    static SecurityProperties of(Invocation invocation) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .run(invocation.springSettings().toArray(String[]::new))) {
            return settings.getBean(SecurityProperties.class);
        }
    }

    /** The application's settings bound, nothing started (not a component: the application never scans it in). */
    @EnableConfigurationProperties(SecurityProperties.class)
    static class SettingsOnly {
    }
}
