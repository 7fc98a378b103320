package dev.routeplan.app;

import dev.routeplan.app.cli.RouteplanCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The routeplan application; {@code main} hands the arguments to the command line. */
@SpringBootApplication(scanBasePackages = "dev.routeplan")
public class RouteplanApplication {

    public static void main(String[] args) {
        System.exit(new RouteplanCommandLine(System.out, System.err).execute(args));
    }
}
