package dev.routeplan.reports.benchmark;

import dev.routeplan.planning.baseline.BaselinePlanner;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.sample.Scenario;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import dev.routeplan.reports.excel.PlanWorkbookWriter;
import dev.routeplan.reports.excel.RunWorkbookWriter;
import dev.routeplan.reports.map.RouteMapRenderer;
import dev.routeplan.reports.pdf.ManifestPdfWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What publishing a big night costs: a generated scenario (default 10,400 orders, 10 depots, 800
 * vehicles, of which the baseline serves about 10,000) planned by the dispatcher's baseline (fast and deterministic: the benchmark measures
 * the writers, not the solver), then per phase the wall time, the peak heap the JVM's heap pools
 * report for that phase, and the bytes written: the route maps, the per-depot PDFs, the per-depot
 * workbooks and the run workbook. Run by {@code scripts/bench.sh publish}, which fixes {@code -Xmx}.
 */
public final class PublishBenchmark {

    private PublishBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_400;
        int depots = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int vehicles = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        Path out = Files.createDirectories(Path.of(args.length > 3 ? args[3] : "/tmp/routeplan-bench/publish"));

        long planStart = System.nanoTime();
        List<DepotPlanDocument> docs = plan(ScenarioGenerator.generate(new ScenarioSpec(11, orders, depots, vehicles)));
        int stops = docs.stream().mapToInt(DepotPlanDocument::stopCount).sum();
        int routes = docs.stream().mapToInt(d -> d.routes().size()).sum();
        System.out.printf(Locale.ROOT, "plan: %d stops on %d routes in %d depots (%d orders generated), baseline planned in %.1f s%n",
                stops, routes, docs.size(), orders, seconds(planStart));

        Map<String, RouteMapImage> maps = new LinkedHashMap<>();
        List<Phase> phases = new ArrayList<>();
        phases.add(measure("maps", () -> {
            long bytes = 0;
            RouteMapRenderer renderer = new RouteMapRenderer();
            for (DepotPlanDocument doc : docs) {
                RouteMapImage map = renderer.render(doc);
                maps.put(doc.depot().id(), map);
                Files.write(out.resolve("route-map-" + doc.depot().id() + ".png"), map.png());
                bytes += map.png().length;
            }
            return bytes;
        }));
        phases.add(measure("manifest PDFs", () -> {
            long bytes = 0;
            for (DepotPlanDocument doc : docs) {
                bytes += write(out.resolve("manifests-" + doc.depot().id() + ".pdf"),
                        o -> new ManifestPdfWriter().write(doc, maps.get(doc.depot().id()), o));
            }
            return bytes;
        }));
        phases.add(measure("depot workbooks", () -> {
            long bytes = 0;
            for (DepotPlanDocument doc : docs) {
                bytes += write(out.resolve("plan-" + doc.depot().id() + ".xlsx"),
                        o -> new PlanWorkbookWriter().write(doc, maps.get(doc.depot().id()), List.<RejectedRow>of(), o));
            }
            return bytes;
        }));
        phases.add(measure("run workbook", () -> write(out.resolve("plan-run.xlsx"),
                o -> new RunWorkbookWriter().write(docs, maps, List.of(), o))));

        double total = 0;
        long peak = 0;
        for (Phase phase : phases) {
            System.out.printf(Locale.ROOT, "%-16s %7.1f s  peak heap %5d MB  %8.1f MB written%n", phase.name(), phase.seconds(),
                    phase.peakHeapMb(), phase.bytes() / 1e6);
            total += phase.seconds();
            peak = Math.max(peak, phase.peakHeapMb());
        }
        System.out.printf(Locale.ROOT, "publish_stops=%d depots=%d wall_s=%.1f peak_heap_mb=%d max_heap_mb=%d%n", stops, docs.size(), total,
                peak, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static List<DepotPlanDocument> plan(Scenario scenario) {
        LocalDate date = LocalDate.of(2026, 12, 1);
        HaversineTravelModel travel = HaversineTravelModel.delhiDefaults();
        Map<String, Order> ordersById = scenario.orders().stream().collect(Collectors.toMap(Order::id, Function.identity()));
        Map<String, Vehicle> vehiclesById = scenario.fleet().stream().collect(Collectors.toMap(Vehicle::id, Function.identity()));
        List<DepotPlanDocument> docs = new ArrayList<>();
        for (Depot depot : scenario.depots()) {
            DepotProblem problem = new DepotProblem(date, depot,
                    scenario.fleet().stream().filter(v -> v.depotId().equals(depot.id())).toList(),
                    scenario.orders().stream().filter(o -> o.depotId().equals(depot.id())).toList(), Map.of());
            DepotPlan plan = new BaselinePlanner().plan(problem, travel);
            List<RouteDocument> routes = new ArrayList<>();
            for (PlannedRoute route : plan.routes()) {
                routes.add(new RouteDocument(vehiclesById.get(route.vehicleId()), route,
                        route.stops().stream().map(PlannedStop::orderId).map(ordersById::get).toList()));
            }
            docs.add(new DepotPlanDocument(date, depot, routes, plan.unassigned(), "delhi", "bench"));
        }
        return docs;
    }

    private record Phase(String name, double seconds, long peakHeapMb, long bytes) {
    }

    @FunctionalInterface
    private interface Work {
        long run() throws IOException;
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    // the heap pools' own peak since the last reset, so each phase is measured alone, including garbage not yet collected
    private static Phase measure(String name, Work work) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long bytes = work.run();
        double took = seconds(start);
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Phase(name, took, peak / (1024 * 1024), bytes);
    }

    private static long write(Path file, Content content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            content.writeTo(out);
        }
        return Files.size(file);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
