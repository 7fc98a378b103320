package dev.routeplan.app.cli;

import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.batch.privacy.PrivacyProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Settings ({@code routeplan.security.*}, {@code routeplan.privacy.*}) as the service would bind
 * them, without starting the application: {@code token}, {@code user} and {@code keys} work beside
 * a running service, whose database they never touch.
 */
final class SettingsOnly {

    private SettingsOnly() {
    }

    static <T> T of(Invocation invocation, Class<T> type) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Bound.class)
                .web(WebApplicationType.NONE)
                .run(invocation.springSettings().toArray(String[]::new))) {
            return settings.getBean(type);
        }
    }

    /** The application's settings bound, nothing started (not a component: the application never scans it in). */
    @EnableConfigurationProperties({SecurityProperties.class, PrivacyProperties.class})
    static class Bound {
    }
}
