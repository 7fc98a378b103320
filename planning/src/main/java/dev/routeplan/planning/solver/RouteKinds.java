package dev.routeplan.planning.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vehicles of a depot grouped by what makes them plan differently ({@link VehicleRoute#profile()}),
 * as positions in the solution's list of routes, which stay the same in every copy OptaPlanner makes.
 * Two empty routes of one kind are interchangeable, so a visit need be tried on one empty route of each kind.
 */
final class RouteKinds {

    private final int[][] kinds;

    private RouteKinds(int[][] kinds) {
        this.kinds = kinds;
    }

    static RouteKinds of(List<VehicleRoute> routes) {
        Map<List<Object>, List<Integer>> byProfile = new LinkedHashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            if (!routes.get(i).isUnplannedBucket()) {
                byProfile.computeIfAbsent(routes.get(i).profile(), profile -> new ArrayList<>()).add(i);
            }
        }
        return new RouteKinds(byProfile.values().stream()
                .map(positions -> positions.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new));
    }

    /** The first empty route of each kind that has one. */
    List<VehicleRoute> oneEmptyOfEachKind(List<VehicleRoute> routes) {
        List<VehicleRoute> empty = new ArrayList<>();
        for (int[] kind : kinds) {
            for (int position : kind) {
                if (routes.get(position).getVisits().isEmpty()) {
                    empty.add(routes.get(position));
                    break;
                }
            }
        }
        return empty;
    }
}
