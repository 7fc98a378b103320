package dev.routeplan.peers;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import dev.routeplan.planning.benchmark.SolomonBenchmark;
import dev.routeplan.planning.benchmark.SolomonInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * jsprit 1.8 (GraphHopper's open-source VRP solver, ruin and recreate with a threshold acceptance)
 * on the Solomon instances, under the benchmark's conventions: Euclidean distances in double
 * precision, travel time equal to distance, the file's fleet as an upper bound, distance as the
 * only cost. Its routes go through the same independent validator and table as routeplan's.
 *
 * <pre>
 * JspritSolomon [--seconds S] [--parallel N] [FILE...]
 * </pre>
 * Each solve runs jsprit's default algorithm on one thread for S seconds of wall clock.
 */
public final class JspritSolomon {

    private JspritSolomon() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        int parallel = 1;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                default -> files.add(SolomonBenchmark.instanceFile(args[i]));
            }
        }
        long millis = Math.round(seconds * 1000);
        SolomonBenchmark.report(files, parallel, instance -> solve(instance, millis));
    }

    static List<List<Integer>> solve(SolomonInstance instance, long millis) {
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem(instance))
                .setProperty(Jsprit.Parameter.THREADS, "1")
                .buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination budget = new TimeTermination(millis);
        algorithm.addTerminationCriterion(budget);
        algorithm.addListener(budget);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<List<Integer>> routes = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            List<Integer> customers = new ArrayList<>();
            for (TourActivity activity : route.getActivities()) {
                customers.add(Integer.parseInt(((TourActivity.JobActivity) activity).getJob().getId()));
            }
            routes.add(customers);
        }
        return routes;
    }

    /** Without a cost matrix jsprit measures crow-fly (Euclidean) distances between coordinates, unrounded, at speed 1. */
    static VehicleRoutingProblem problem(SolomonInstance instance) {
        VehicleType type = VehicleTypeImpl.Builder.newInstance("solomon")
                .addCapacityDimension(0, instance.capacity())
                .setCostPerDistance(1).setCostPerTransportTime(0).setCostPerWaitingTime(0).setCostPerServiceTime(0)
                .build();
        SolomonInstance.Node depot = instance.depot();
        VehicleRoutingProblem.Builder problem = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        for (int i = 0; i < instance.vehicles(); i++) {
            problem.addVehicle(VehicleImpl.Builder.newInstance("v" + i)
                    .setStartLocation(Location.newInstance(depot.x(), depot.y()))
                    .setEarliestStart(depot.ready()).setLatestArrival(depot.due())
                    .setType(type).build());
        }
        for (SolomonInstance.Node customer : instance.customers()) {
            problem.addJob(Service.Builder.newInstance(Integer.toString(customer.id()))
                    .addSizeDimension(0, customer.demand())
                    .setLocation(Location.newInstance(customer.x(), customer.y()))
                    .setServiceTime(customer.service())
                    .addTimeWindow(customer.ready(), customer.due())
                    .build());
        }
        return problem.build();
    }
}
