package dev.routeplan.planning.solver;

import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * How far a visit is from a place it could be moved next to: another visit, or the depot when the
 * destination is the start of a route. Lets the local search try mostly nearby insertions and
 * swaps. The unplanned bucket is infinitely far, so moves into it are rare and come from the
 * unrestricted selectors.
 */
public class VisitNearbyDistanceMeter implements NearbyDistanceMeter<Visit, Object> {

    @Override
    public double getNearbyDistance(Visit origin, Object destination) {
        if (destination instanceof Visit visit) {
            return origin.matrix().km(origin.locationIndex(), visit.locationIndex());
        }
        if (destination instanceof VehicleRoute route && !route.isUnplannedBucket()) {
            return origin.matrix().km(origin.locationIndex(), VehicleRoute.DEPOT);
        }
        return Double.MAX_VALUE;
    }
}
