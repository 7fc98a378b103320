package dev.routeplan.app.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A service's {@code --input} and {@code --output} for tests that start runs through the service:
 * a temporary folder with the sample day's files in {@code input/} and the outputs in {@code out/}.
 */
public final class SampleServiceFolders {

    private SampleServiceFolders() {
    }

    /** A new temporary folder whose {@code input/} holds the sample files. */
    public static Path withSamples(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            SampleDay.copySamplesInto(folder.resolve("input"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's folders (MockMvc tests). */
    public static void register(DynamicPropertyRegistry registry, Path folder) {
        registry.add("routeplan.service.input", () -> folder.resolve("input").toString());
        registry.add("routeplan.service.output", () -> folder.resolve("out").toString());
    }

    /** The service's folders and the rule pack by absolute path (tests on a real port). */
    public static void registerForRealServer(DynamicPropertyRegistry registry, Path folder) {
        register(registry, folder);
        // under a real servlet context a relative path would be read as one inside the web application
        registry.add("routeplan.rule-pack", () -> "file:" + Path.of("../config/rules/delhi.yaml").toAbsolutePath().normalize());
    }
}
