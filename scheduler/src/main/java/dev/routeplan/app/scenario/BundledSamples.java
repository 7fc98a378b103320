package dev.routeplan.app.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo's sample inputs ({@code samples/} of the repository), which the build puts inside the
 * jar, so that {@code routeplan demo} runs from any folder: written out into a folder of files a
 * person can read and change, then planned from there like any input folder.
 */
public final class BundledSamples {

    private static final String LOCATION = "classpath*:samples/*";

    private BundledSamples() {
    }

    /** Writes the bundled sample files into {@code folder} (created), and returns them. */
    public static List<Path> copyInto(Path folder) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Resource resource : resources) {
            String name = resource.getFilename();
            if (name == null || name.isEmpty() || !resource.isReadable()) {
                continue;                                   // a folder entry of the jar
            }
            Path target = folder.resolve(name);
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, target);
            }
            written.add(target);
        }
        if (written.isEmpty()) {
            throw new IOException("this routeplan has no samples inside (no " + LOCATION + ")");
        }
        return written;
    }
}
