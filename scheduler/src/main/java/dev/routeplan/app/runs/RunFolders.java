package dev.routeplan.app.runs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a run's folders before the job starts: a run that cannot read its input or write its
 * output would otherwise fail in the fetch step, after the attempt was counted, with a file
 * system exception instead of a sentence.
 */
public final class RunFolders {

    private RunFolders() {
    }

    /** Creates the output folder if needed; throws {@link Unusable} naming the first folder that will not do. */
    public static void check(Path input, Path output) {
        if (!Files.exists(input)) {
            throw new Unusable("input", input, "does not exist");
        }
        if (!Files.isDirectory(input)) {
            throw new Unusable("input", input, "is not a folder");
        }
        checkOutput(output);
    }

    private static void checkOutput(Path output) {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new Unusable("output", output, "is not a folder");
        }
        Path existing = output.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new Unusable("output", output, "cannot be created: " + existing + " is a file, not a folder");
        }
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new Unusable("output", output, "cannot be created (" + reason(e) + ")");
        }
        // the only sure test of writing (ACLs, read-only mounts, root's rights) is to write
        try {
            Files.delete(Files.createTempFile(output, ".write-check-", ".tmp"));
        } catch (IOException e) {
            throw new Unusable("output", output, "cannot be written (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String kind = e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return kind.toLowerCase();
    }

    /**
     * A folder a run cannot use. {@code role} is {@code input} or {@code output}; {@code problem}
     * completes the sentence "the ROLE folder PATH ...".
     */
    public static final class Unusable extends RuntimeException {

        private final String role;
        private final Path path;
        private final String problem;

        Unusable(String role, Path path, String problem) {
            super("the " + role + " folder " + path + " " + problem);
            this.role = role;
            this.path = path;
            this.problem = problem;
        }

        public String role() {
            return role;
        }

        public Path path() {
            return path;
        }

        public String problem() {
            return problem;
        }
    }
}
