package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.problem.DepotDeparture;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.IndexShadowVariable;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.PiggybackShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/** An order to be served, as the solver sees it. An entity only because of its shadow variables. */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;
    private Order order;
    private int locationIndex;
    private DeliveryWindows windows;
    private long serviceSeconds;
    private long weightGrams;
    private long volumeLitres;
    private boolean essentialGoods;
    private TravelMatrix matrix;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private VehicleRoute route;
    @IndexShadowVariable(sourceVariableName = "visits")
    private Integer index;
    @ShadowVariable(variableListenerClass = ArrivalTimeListener.class, sourceEntityClass = VehicleRoute.class,
            sourceVariableName = "visits")
    private Long arrival;
    // a break the driver takes at the premises after service; decided with the arrival times
    @PiggybackShadowVariable(shadowVariableName = "arrival")
    private Long rest;

    // what the listener computed the times with and from, so that it retimes only what a move changed;
    // plain fields, not shadow variables: no constraint reads them
    private VehicleRoute timedRoute;
    private Visit timedPrevious;
    private Visit timedNext;
    private long leftPrevious;
    private long workBlock;
    // derived from the arrival whenever it is set: the constraints ask for it many times per move
    private long serviceStart;

    public Visit() {
        // for OptaPlanner's solution cloner
    }

    Visit(Order order, int locationIndex, TravelMatrix matrix) {
        this(order, locationIndex, matrix, false);
    }

    /** @param essentialGoods the order's goods are essential goods of the pack ({@code DepotProblem#isEssential}) */
    Visit(Order order, int locationIndex, TravelMatrix matrix, boolean essentialGoods) {
        this.essentialGoods = essentialGoods;
        this.matrix = matrix;
        this.id = order.id();
        this.order = order;
        this.locationIndex = locationIndex;
        this.windows = order.windows();
        this.serviceSeconds = order.serviceSeconds();
        this.weightGrams = Math.round(order.weightKg() * 1000);
        this.volumeLitres = Math.round(order.volumeM3() * 1000);
    }

    /** The same order as a new, unplaced visit: for trial routes that must not disturb the plan. */
    Visit unplacedCopy() {
        return new Visit(order, locationIndex, matrix, essentialGoods);
    }

    public String getId() {
        return id;
    }

    Order order() {
        return order;
    }

    boolean essentialGoods() {
        return essentialGoods;
    }

    /** The depot's and stops' distances, for the nearby selection. */
    TravelMatrix matrix() {
        return matrix;
    }

    int locationIndex() {
        return locationIndex;
    }

    DeliveryWindows windows() {
        return windows;
    }

    /** When service would start for an arrival at {@code arrivalSeconds}: the order's one rule for its windows. */
    long serviceStartFor(long arrivalSeconds) {
        return windows.serviceStart(arrivalSeconds);
    }

    long serviceSeconds() {
        return serviceSeconds;
    }

    long weightGrams() {
        return weightGrams;
    }

    long volumeLitres() {
        return volumeLitres;
    }

    public VehicleRoute getRoute() {
        return route;
    }

    public void setRoute(VehicleRoute route) {
        this.route = route;
    }

    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    public Long getArrival() {
        return arrival;
    }

    public void setArrival(Long arrival) {
        this.arrival = arrival;
        this.serviceStart = arrival == null ? 0 : serviceStartFor(arrival);
    }

    public Long getRest() {
        return rest;
    }

    public void setRest(Long rest) {
        this.rest = rest;
    }

    long restSeconds() {
        return rest == null ? 0 : rest;
    }

    /** Service starts when the vehicle is there and a window has opened (the second, if it came after the first). */
    long serviceStart() {
        return serviceStart;
    }

    long serviceEnd() {
        return serviceStart() + serviceSeconds;
    }

    long departure() {
        return serviceEnd() + restSeconds();
    }

    /** Seconds by which the vehicle arrives at or after the last window's (exclusive) end. */
    long lateness() {
        return arrival == null ? 0 : windows.lateness(arrival);
    }

    boolean isInUnplannedBucket() {
        return route != null && route.isUnplannedBucket();
    }

    boolean isPlanned() {
        return route != null && !route.isUnplannedBucket();
    }

    /** Whether the listener timed this visit on {@code route} between these two neighbours (null: the depot). */
    boolean isTimedBetween(VehicleRoute onRoute, Visit before, Visit after) {
        return arrival != null && timedRoute == onRoute && timedPrevious == before && timedNext == after;
    }

    boolean hasTimes(long arrivalSeconds, long restSeconds, long block) {
        return arrival != null && arrival == arrivalSeconds && rest != null && rest == restSeconds && workBlock == block;
    }

    /** Records where the listener timed this visit: between which neighbours, leaving the last stop (or the depot) when. */
    void timedBetween(VehicleRoute onRoute, Visit before, Visit after, long leaving, long block) {
        timedRoute = onRoute;
        timedPrevious = before;
        timedNext = after;
        leftPrevious = leaving;
        workBlock = block;
    }

    void forgetTiming() {
        timedRoute = null;
        timedPrevious = null;
        timedNext = null;
    }

    /** Continuous work since the driver's last break, on leaving this visit. */
    long workBlock() {
        return workBlock;
    }

    /** When the vehicle left the stop before this one, or the depot for the first stop. */
    long leftPrevious() {
        return leftPrevious;
    }

    /** When a route that starts with this visit leaves the depot ({@link DepotDeparture}). */
    long departureFromDepotFor(VehicleRoute vehicleRoute) {
        return vehicleRoute.rules().departureFor(windows, leaving -> vehicleRoute.secondsFromDepot(this, leaving));
    }

    @Override
    public String toString() {
        return id;
    }
}
