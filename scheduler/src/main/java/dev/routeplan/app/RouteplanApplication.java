package dev.routeplan.app;

import dev.routeplan.app.cli.RouteplanCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The routeplan application; {@code main} hands the arguments to the command line. */
@SpringBootApplication(scanBasePackages = "dev.routeplan")
@ConfigurationPropertiesScan("dev.routeplan.app")
public class RouteplanApplication {

    public static void main(String[] args) {
        System.exit(new RouteplanCommandLine(System.out, System.err).execute(args));
    }
}
