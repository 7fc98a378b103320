package dev.routeplan.app.runs;

import dev.routeplan.planning.digest.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What the tests that kill a run see of a folder it writes: the files a reader would list, and what is left half done. */
final class RunFolderFiles {

    private RunFolderFiles() {
    }

    /**
     * The files under {@code root} a reader lists, by path relative to it, with their SHA-256: not
     * hidden (no part of the path starts with "."), and chosen by {@code include}.
     */
    static Map<String, String> visible(Path root, Predicate<String> include) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString();
                boolean hidden = Stream.of(relative.split("/")).anyMatch(part -> part.startsWith("."));
                if (!hidden && include.test(relative)) {
                    files.put(relative, Sha256.hex(file));
                }
            }
        }
        return files;
    }

    /** A depot's revision being written, a file being written or being uploaded, left under {@code root}. */
    static List<String> leftOvers(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(path -> root.relativize(path).toString())
                    .filter(name -> name.contains(".next-revision") || name.endsWith(".part") || name.endsWith(".writing"))
                    .toList();
        }
    }
}
