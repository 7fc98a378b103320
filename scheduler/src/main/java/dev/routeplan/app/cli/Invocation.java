package dev.routeplan.app.cli;

import dev.routeplan.app.RouteplanApplication;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One invocation of {@code routeplan}: its console (stdin for {@code user add --password-stdin}), the Spring settings it was given and its
 * environment variables (ROUTEPLAN_TOKEN for {@code run --attach}). The
 * application (database, migrations, jobs) starts only for a command that needs it, so
 * {@code generate} and {@code --help} answer at once.
 */
record Invocation(InputStream in, PrintStream out, PrintStream err, List<String> springSettings, Map<String, String> environment) {

    Invocation {
        springSettings = List.copyOf(springSettings);
        environment = Map.copyOf(environment);
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
        // The schedule runs in the service only (other commands share the database, not the triggers)
        runUntilClosed(WebApplicationType.SERVLET, List.of("--spring.quartz.auto-startup=true"), serviceSettings);
    }

    /**
     * Starts a partition worker (no web server, no schedule) and returns when it has shut down: on
     * SIGTERM, once the partitions it was running have ended or its shutdown wait has passed.
     */
    void work(List<String> workerSettings) throws InterruptedException {
        runUntilClosed(WebApplicationType.NONE, List.of(), workerSettings);
    }

    private void runUntilClosed(WebApplicationType web, List<String> defaults, List<String> commandSettings)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        // Arguments, not default properties: application.yaml's own values would outrank those; each
        // only when the command line does not set it (a key given twice would read "true,false").
        // A long-running process's log is read by machines (JSON, one object a line, with the run's
        // and the request's context) while the commands keep the human console format.
        List<String> settings = new ArrayList<>(springSettings);
        Stream.concat(defaults.stream(), Stream.of("--logging.structured.format.console=ecs",
                        "--logging.structured.ecs.service.name=routeplan"))
                .filter(setting -> springSettings.stream().noneMatch(given ->
                        given.startsWith(setting.substring(0, setting.indexOf('=') + 1))))
                .forEach(settings::add);
        settings.addAll(commandSettings);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RouteplanApplication.class)
                .web(web)
                // no console: the runs' progress goes to the log, which is JSON here
                // a class, not a lambda: Spring cannot read a lambda's event type, so it would call it
                // with every event (the web server publishes some on each request) and swallow the
                // ClassCastException each time
                .listeners(new ApplicationListener<ContextClosedEvent>() {
                    @Override
                    public void onApplicationEvent(ContextClosedEvent event) {
                        closed.countDown();
                    }
                })
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
