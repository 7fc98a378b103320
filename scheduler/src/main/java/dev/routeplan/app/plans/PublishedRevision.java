package dev.routeplan.app.plans;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One published revision of a depot's plan (or of the run-wide files) and the files it consists of.
 *
 * @param artifacts its files still on record; an earlier revision's are there while its kept copy is
 */
public record PublishedRevision(String depotId, int revision, String fingerprint, long attempt, OffsetDateTime publishedAt,
                                boolean current, List<Artifact> artifacts) {
}
