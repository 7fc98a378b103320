package dev.routeplan.app.cli;

import dev.routeplan.app.RouteplanApplication;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.event.ContextClosedEvent;
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

    /**
     * Starts the service (web server, schedules) and returns when it has shut down: on SIGTERM,
     * after running jobs were stopped at a chunk boundary.
     */
    void serve(List<String> serviceSettings) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        // the schedule runs in the service only; other commands share the database, not the triggers.
        // An argument, not a default property: application.yaml's `auto-startup: false` outranks those.
        // arguments, not default properties: application.yaml's own values would outrank those.
        // The schedule runs in the service only (other commands share the database, not the triggers);
        // the service's log is read by machines (JSON, one object a line, with the run's and the
        // request's context) while the commands keep the human console format.
        List<String> settings = new ArrayList<>(List.of("--spring.quartz.auto-startup=true",
                "--logging.structured.format.console=ecs", "--logging.structured.ecs.service.name=routeplan"));
        settings.addAll(springSettings);
        settings.addAll(serviceSettings);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RouteplanApplication.class)
                .web(WebApplicationType.SERVLET)
                // no console: the runs' progress goes to the log, which is JSON under serve
                .listeners((ContextClosedEvent event) -> closed.countDown())
                .run(settings.toArray(String[]::new));
        if (context.isActive()) {
            closed.await();
        }
    }

    @FunctionalInterface
    interface UseCase<T> {
        T call(ConfigurableApplicationContext application) throws Exception;
    }
}
