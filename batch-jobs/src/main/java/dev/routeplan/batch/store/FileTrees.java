package dev.routeplan.batch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Folders of published files deleted whole: by the retention purge, a failed publish, an erasure. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes the folder and all in it; the files deleted, for their registrations to be forgotten. */
    public static List<Path> deleteTree(Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> inside = Files.walk(folder)) {
            for (Path path : inside.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
                Files.delete(path);
            }
        } catch (NoSuchFileException gone) {
            // deleted meanwhile: nothing left to do
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
        return files;
    }
}
