package dev.routeplan.app.cli;

import dev.routeplan.app.RouteplanApplication;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One invocation of {@code routeplan}: its console and the Spring settings it was given. The
 * application (database, migrations, jobs) starts only for a command that needs it, so
 * {@code generate} and {@code --help} answer at once.
 */
record Invocation(PrintStream out, PrintStream err, List<String> springSettings) {

    Invocation {
        springSettings = List.copyOf(springSettings);
    }

    /** Starts the application without a web server, runs {@code useCase} in it, and shuts it down. */
    <T> T inApplication(UseCase<T> useCase) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RouteplanApplication.class)
                .web(WebApplicationType.NONE)
                // the job's progress printer writes to this console, not to System.out
                .initializers(app -> app.getBeanFactory().registerSingleton("console", out))
                .run(springSettings.toArray(String[]::new))) {
            return useCase.call(context);
        }
    }

    @FunctionalInterface
    interface UseCase<T> {
        T call(ConfigurableApplicationContext application) throws Exception;
    }
}
