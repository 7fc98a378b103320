package dev.routeplan.app.runs;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folders of the runs the service starts (the schedule's and the API's), as {@code run}
 * takes them on the command line ({@code serve --input DIR --output DIR}).
 *
 * @param input  where a date's files are read from
 * @param output where a date's outputs go, in {@code OUTPUT/DATE/}
 */
@ConfigurationProperties("routeplan.service")
public record ServiceFolders(@DefaultValue("inbox") Path input, @DefaultValue("out") Path output) {
}
