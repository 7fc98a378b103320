package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ArtifactKind;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/** A published file as {@code artifacts} registers it: where it is, what it is, its size and SHA-256. */
public record Artifact(Path path, ArtifactKind kind, long sizeBytes, String sha256, OffsetDateTime createdAt) {

    public String name() {
        return path.getFileName().toString();
    }
}
