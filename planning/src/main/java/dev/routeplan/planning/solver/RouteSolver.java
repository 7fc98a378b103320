package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.VehicleRules;
import dev.routeplan.planning.problem.ZoneHits;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionDistributionType;
import org.optaplanner.core.config.heuristic.selector.list.DestinationSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Plans one depot's routes with OptaPlanner: orders no vehicle could serve even alone are set
 * aside first with their reason; the rest are routed, and those the fleet cannot fit stay in
 * the unplanned bucket, each with the hard rule its best place would break ({@link LeftoverReasons}).
 * Thread-safe: each call builds its own solver.
 */
public final class RouteSolver {

    private final TravelTimeProvider travel;

    public RouteSolver(TravelTimeProvider travel) {
        this.travel = travel;
    }

    public DepotPlan solve(DepotProblem problem, SolverSettings settings) {
        return solve(problem, settings, null);
    }

    /**
     * Solves starting from {@code start} (e.g. the dispatcher's hand plan): its routes seed the
     * search and the construction heuristic places only its unplanned orders, so the result serves at least what the
     * start served and the search spends its time improving instead of constructing. On a large
     * depot that matters: construction alone can use most of the budget.
     */
    public DepotPlan solve(DepotProblem problem, SolverSettings settings, DepotPlan start) {
        Start begin = start(problem, start);
        if (begin.solution().getVisits().isEmpty()) {
            return new DepotPlan(problem.depot().id(), List.of(), begin.unassigned());
        }
        int portfolio = settings.search().portfolio();
        DepotRoutingSolution solved;
        if (portfolio == 1) {
            solved = solveOne(begin.solution(), settings, 0);
        } else {
            List<DepotRoutingSolution> copies = new ArrayList<>(List.of(begin.solution()));
            for (int i = 1; i < portfolio; i++) {
                copies.add(start(problem, start).solution());
            }
            solved = solvePortfolio(copies, settings);
        }
        return toPlan(problem, solved, begin.unassigned(), new LeftoverReasons(SolverFactory.create(config(settings))));
    }

    /** What the search starts from: the routable visits, seeded from {@code start} when given, and the orders set aside. */
    record Start(DepotRoutingSolution solution, List<UnassignedOrder> unassigned) {
    }

    Start start(DepotProblem problem, DepotPlan start) {
        List<GeoPoint> points = problem.points();
        TravelMatrix matrix = new TravelMatrix(points, travel);
        ZoneHits zoneHits = problem.zoneHits(points);

        List<UnassignedOrder> unassigned = new ArrayList<>();
        return new Start(routingProblem(problem, matrix, zoneHits, start, unassigned), unassigned);
    }

    /** The depot's routes and the bucket, every routable visit unassigned or seeded from {@code start}; the rest go to {@code unassigned}. */
    static DepotRoutingSolution routingProblem(DepotProblem problem, TravelMatrix matrix, ZoneHits zoneHits, DepotPlan start,
                                                       List<UnassignedOrder> unassigned) {
        List<VehicleRoute> routes = new ArrayList<>();
        for (Vehicle vehicle : problem.vehicles()) {
            routes.add(new VehicleRoute(vehicle, matrix, VehicleRules.of(problem, vehicle, zoneHits)));
        }
        UnservableOrders screen = new UnservableOrders(routes);
        // an order the start serves is servable, whatever the one-stop screen says: the leg from the
        // depot may cross a closed zone that a route through another stop goes around
        Set<String> servedAtStart = start == null ? Set.of() : start.routes().stream()
                .flatMap(route -> route.stops().stream()).map(PlannedStop::orderId).collect(Collectors.toSet());
        List<Visit> routable = new ArrayList<>();
        for (int i = 0; i < problem.orders().size(); i++) {
            Visit visit = new Visit(problem.orders().get(i), i + 1, matrix, problem.isEssential(problem.orders().get(i)));
            Optional<UnservableOrders.Reason> unservable = servedAtStart.contains(visit.getId())
                    ? Optional.empty() : screen.reasonWhyUnservable(visit);
            unservable.ifPresentOrElse(
                    reason -> unassigned.add(new UnassignedOrder(visit.getId(), problem.depot().id(), reason.reason(), reason.detail())),
                    () -> routable.add(visit));
        }
        VehicleRoute bucket = VehicleRoute.unplannedBucket(problem.depot().id());
        List<VehicleRoute> entities = new ArrayList<>(routes);
        entities.add(bucket);
        if (start != null && !routable.isEmpty()) {
            seed(start, routes, bucket, routable);
        }
        return new DepotRoutingSolution(entities, routable);
    }

    private static DepotRoutingSolution solveOne(DepotRoutingSolution problem, SolverSettings settings, int seedOffset) {
        Solver<DepotRoutingSolution> solver = SolverFactory.<DepotRoutingSolution>create(
                config(settings).withRandomSeed(settings.randomSeed() + seedOffset)).buildSolver();
        return settings.cpuTimed() ? CpuBudget.solve(solver, problem, settings.spentLimit()) : solver.solve(problem);
    }

    /**
     * Several solvers side by side on copies of the problem, with different seeds, the best plan
     * kept: late acceptance from different starting points ends in different local optima, and
     * a second core is otherwise idle while one depot is planned.
     */
    private static DepotRoutingSolution solvePortfolio(List<DepotRoutingSolution> copies, SolverSettings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(copies.size(), task -> {
            Thread thread = new Thread(task, "route-solver-portfolio");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<DepotRoutingSolution>> running = new ArrayList<>();
            for (int i = 0; i < copies.size(); i++) {
                DepotRoutingSolution copy = copies.get(i);
                int offset = i;
                running.add(pool.submit(() -> solveOne(copy, settings, offset)));
            }
            DepotRoutingSolution best = null;
            for (Future<DepotRoutingSolution> future : running) {
                DepotRoutingSolution solved = future.get();
                if (best == null || solved.getScore().compareTo(best.getScore()) > 0) {
                    best = solved;
                }
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a portfolio solver failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Puts the start's routes on their vehicles, stop for stop, and leaves every other routable
     * visit on no list, for the construction heuristic to place. OptaPlanner does not trigger our
     * listener on a starting solution, so the routes set their shadow variables themselves.
     */
    private static void seed(DepotPlan start, List<VehicleRoute> routes, VehicleRoute bucket, List<Visit> routable) {
        Map<String, Visit> unseeded = new LinkedHashMap<>();
        routable.forEach(visit -> unseeded.put(visit.getId(), visit));
        Map<String, VehicleRoute> byVehicle = new HashMap<>();
        routes.forEach(route -> byVehicle.put(route.vehicle().id(), route));
        for (PlannedRoute planned : start.routes()) {
            VehicleRoute route = byVehicle.get(planned.vehicleId());
            if (route == null) {
                continue;
            }
            for (PlannedStop stop : planned.stops()) {
                Visit visit = unseeded.remove(stop.orderId());
                if (visit != null) {
                    route.getVisits().add(visit);
                }
            }
        }
        // the orders the start leaves out stay unassigned: the construction heuristic then inserts each where it
        // serves best, or parks it in the bucket; left in the bucket, only random moves would find them a place
        routes.forEach(VehicleRoute::linkAndTime);
        bucket.linkAndTime();
    }

    /**
     * Construction, then late acceptance over list moves: single visits moved or swapped mostly
     * next to nearby visits (nearby selection), stretches of a route moved or swapped, and k-opt
     * within and between routes. Plain (not nearby) change moves stay in the mix so visits can
     * still leave and enter the unplanned bucket. A share of the moves are ruin and recreate
     * ({@link RuinRecreateMove}), which lets the search leave the local optima the small moves
     * stall in.
     */
    static SolverConfig config(SolverSettings settings) {
        return new SolverConfig()
                .withSolutionClass(DepotRoutingSolution.class)
                .withEntityClasses(VehicleRoute.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(settings.randomSeed())
                .withMoveThreadCount(settings.moveThreadCount())
                .withTerminationConfig(termination(settings))
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch(settings));
    }

    private static LocalSearchPhaseConfig localSearch(SolverSettings settings) {
        SolverSettings.Search search = settings.search();
        LocalSearchPhaseConfig phase = new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(search.lateAcceptanceSize()))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withMoveSelectorConfig(moves(search));
        // a step count is a phase's termination in OptaPlanner, not the solver's
        return settings.localSearchSteps() > 0
                ? phase.withTerminationConfig(new TerminationConfig().withStepCountLimit(settings.localSearchSteps()))
                : phase;
    }

    /**
     * On a CPU budget, {@link CpuBudget} ends the solve, and on a step count the local search ends
     * itself; the wall clock then only guards against a solve that never ends.
     */
    private static TerminationConfig termination(SolverSettings settings) {
        if (settings.cpuTimed() || settings.localSearchSteps() > 0) {
            return new TerminationConfig().withSpentLimit(settings.spentLimit().multipliedBy(CpuBudget.WALL_CLOCK_GUARD));
        }
        return new TerminationConfig()
                .withSpentLimit(settings.spentLimit())
                .withUnimprovedSpentLimit(settings.unimprovedSpentLimit());
    }

    private static MoveSelectorConfig<?> moves(SolverSettings.Search search) {
        UnionMoveSelectorConfig small = new UnionMoveSelectorConfig(List.of(
                nearbyChange(search.nearbySize()), nearbySwap(search.nearbySize()),
                new ListChangeMoveSelectorConfig(),
                new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true),
                new SubListSwapMoveSelectorConfig().withSelectReversingMoveToo(true),
                new KOptListMoveSelectorConfig()));
        if (search.ruinShare() == 0) {
            return small;
        }
        return new UnionMoveSelectorConfig(List.of(
                small.withFixedProbabilityWeight(1 - search.ruinShare()),
                ruinRecreate(search).withFixedProbabilityWeight(search.ruinShare())));
    }

    static MoveIteratorFactoryConfig ruinRecreate(SolverSettings.Search search) {
        return new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(RuinRecreateMoveFactory.class)
                .withMoveIteratorFactoryCustomProperties(Map.of(
                        "averageRemoved", Integer.toString(search.ruinAverageRemoved()),
                        "maxString", Integer.toString(search.ruinMaxString()),
                        "insertionNeighbours", Integer.toString(search.insertionNeighbours())));
    }

    private static ListChangeMoveSelectorConfig nearbyChange(int nearbySize) {
        return new ListChangeMoveSelectorConfig()
                .withValueSelectorConfig(new ValueSelectorConfig().withId("changeOrigin"))
                .withDestinationSelectorConfig(new DestinationSelectorConfig()
                        .withNearbySelectionConfig(nearbyTo("changeOrigin", nearbySize)));
    }

    private static ListSwapMoveSelectorConfig nearbySwap(int nearbySize) {
        return new ListSwapMoveSelectorConfig()
                .withValueSelectorConfig(new ValueSelectorConfig().withId("swapOrigin"))
                .withSecondaryValueSelectorConfig(new ValueSelectorConfig()
                        .withNearbySelectionConfig(nearbyTo("swapOrigin", nearbySize)));
    }

    private static NearbySelectionConfig nearbyTo(String originId, int nearbySize) {
        return new NearbySelectionConfig()
                .withOriginValueSelectorConfig(new ValueSelectorConfig().withMimicSelectorRef(originId))
                .withNearbyDistanceMeterClass(VisitNearbyDistanceMeter.class)
                .withNearbySelectionDistributionType(NearbySelectionDistributionType.PARABOLIC_DISTRIBUTION)
                .withParabolicDistributionSizeMaximum(nearbySize);
    }

    /** The solved routes; each order left in the bucket gets the reason its best place would break. */
    private static DepotPlan toPlan(DepotProblem problem, DepotRoutingSolution solved, List<UnassignedOrder> unassigned,
                                    LeftoverReasons reasons) {
        List<PlannedRoute> planned = new ArrayList<>();
        List<UnassignedOrder> left = new ArrayList<>(unassigned);
        parkUnplacedVisits(solved);
        for (VehicleRoute route : solved.getRoutes()) {
            if (route.isUnplannedBucket()) {
                List<UnservableOrders.Reason> why = reasons.reasonsFor(route.getVisits(), solved.getRoutes());
                for (int i = 0; i < why.size(); i++) {
                    left.add(new UnassignedOrder(route.getVisits().get(i).getId(), problem.depot().id(), why.get(i).reason(),
                            why.get(i).detail()));
                }
            } else if (route.isUsed()) {
                planned.add(toPlannedRoute(route, problem.depot().id()));
            }
        }
        return new DepotPlan(problem.depot().id(), planned, left);
    }

    /**
     * A budget that runs out during construction leaves visits on no list: they join the bucket,
     * so that every order ends up routed or unassigned with a reason, never lost.
     */
    private static void parkUnplacedVisits(DepotRoutingSolution solved) {
        Set<Visit> placed = new HashSet<>();
        solved.getRoutes().forEach(route -> placed.addAll(route.getVisits()));
        List<Visit> unplaced = solved.getVisits().stream().filter(visit -> !placed.contains(visit)).toList();
        if (!unplaced.isEmpty()) {
            solved.getRoutes().stream().filter(VehicleRoute::isUnplannedBucket).findFirst().orElseThrow()
                    .getVisits().addAll(unplaced);
        }
    }

    private static PlannedRoute toPlannedRoute(VehicleRoute route, String depotId) {
        List<Visit> visits = route.getVisits();
        double loadKg = visits.stream().map(Visit::order).mapToDouble(Order::weightKg).sum();
        List<PlannedStop> stops = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            loadKg -= visit.order().weightKg();
            stops.add(new PlannedStop(i + 1, visit.getId(), visit.getArrival(), visit.serviceStart(), visit.departure(),
                    route.legKm(i), Math.max(0, loadKg)));
        }
        return new PlannedRoute(route.vehicle().id(), depotId, route.departureFromDepot(), route.returnToDepot(),
                route.distanceKm(), stops);
    }
}
