package dev.routeplan.batch.store;

import dev.routeplan.planning.digest.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * Writes a published file to a temporary name and renames it into place, so a reader never
 * sees half a file and a failed run never leaves one; then registers it with its SHA-256.
 */
public class OutputFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final ArtifactStore artifacts;

    public OutputFiles(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    public Path write(LocalDate planDate, Path target, ArtifactKind kind, Content content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        artifacts.register(planDate, target.toString(), kind, Files.size(target), Sha256.hex(target));
        return target;
    }
}
