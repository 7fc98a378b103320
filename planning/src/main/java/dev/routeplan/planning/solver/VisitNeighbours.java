package dev.routeplan.planning.solver;

import java.util.Arrays;
import java.util.List;

/**
 * For each visit, the other visits nearest to it (by km), as location indexes, which stay the same
 * in every copy of the working solution OptaPlanner makes (move threads work on clones).
 * Built once per solve: the ruin walks it to pick neighbouring strings, the recreate to pick
 * where a visit could go.
 */
final class VisitNeighbours {

    private final int[][] nearest;

    private VisitNeighbours(int[][] nearest) {
        this.nearest = nearest;
    }

    static VisitNeighbours of(List<Visit> visits, int keep) {
        int highest = visits.stream().mapToInt(Visit::locationIndex).max().orElse(0);
        int[][] nearest = new int[highest + 1][];
        for (Visit origin : visits) {
            // a non-negative float's bits sort as the float does, so (km, location) packs into one sortable long
            long[] keyed = new long[visits.size() - 1];
            int n = 0;
            for (Visit other : visits) {
                if (other != origin) {
                    float km = (float) origin.matrix().km(origin.locationIndex(), other.locationIndex());
                    keyed[n++] = ((long) Float.floatToIntBits(Math.max(0f, km)) << 32) | other.locationIndex();
                }
            }
            Arrays.sort(keyed);
            int[] row = new int[Math.min(keep, keyed.length)];
            for (int i = 0; i < row.length; i++) {
                row[i] = (int) keyed[i];
            }
            nearest[origin.locationIndex()] = row;
        }
        return new VisitNeighbours(nearest);
    }

    /** Location indexes of the visits nearest to the visit at {@code locationIndex}, nearest first. */
    int[] of(int locationIndex) {
        return nearest[locationIndex];
    }

    /** The working solution's visits by location index (null where none is routed). */
    Visit[] byLocation(List<Visit> visits) {
        Visit[] byLocation = new Visit[nearest.length];
        visits.forEach(visit -> byLocation[visit.locationIndex()] = visit);
        return byLocation;
    }
}
