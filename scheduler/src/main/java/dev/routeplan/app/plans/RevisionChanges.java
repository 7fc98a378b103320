package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ArtifactKind;
import dev.routeplan.batch.store.PlanRevisionStore;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * A depot's revisions and what changed from each to the next: routes added and removed, orders
 * moved from one vehicle to another, orders newly on a route or no longer on one.
 *
 * <p>The tables hold only the date's latest plan; what a revision's routes were is kept only in
 * its published files. A depot's own files are a workbook, a PDF and a picture, so the routes are
 * read from the run-wide {@code routes.csv} published in the same publish step (which lists the
 * published stops of every depot), and only when it is still on record and unchanged on disk.
 */
@Service
public class RevisionChanges {

    /** An order served by another vehicle than in the revision before. */
    public record Move(String orderId, String fromVehicle, String toVehicle) {
    }

    /**
     * What changed from the revision before.
     *
     * @param routesResequenced vehicles that kept the same orders in another order
     * @param ordersAdded       orders on a route now that were on none before
     * @param ordersDropped     orders on a route before that are on none now
     * @param unreadable        why the routes could not be compared (then the lists are empty), or null
     */
    public record Changes(List<String> routesAdded, List<String> routesRemoved, List<String> routesResequenced,
                          List<Move> ordersMoved, List<String> ordersAdded, List<String> ordersDropped, String unreadable) {

        /** The same routes with the same stops in the same order: something else of the plan changed. */
        public boolean sameRoutes() {
            return unreadable == null && routesAdded.isEmpty() && routesRemoved.isEmpty() && routesResequenced.isEmpty()
                    && ordersMoved.isEmpty() && ordersAdded.isEmpty() && ordersDropped.isEmpty();
        }

        static Changes unreadable(String why) {
            return new Changes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), why);
        }
    }

    /** A revision and what changed from the one before it (null for the first). */
    public record Entry(PublishedRevision revision, Changes changes) {
    }

    private static final String ROUTES_CSV = "routes.csv";

    private final PublishedPlans plans;
    private final ArtifactIntegrity integrity;

    public RevisionChanges(PublishedPlans plans, ArtifactIntegrity integrity) {
        this.plans = plans;
        this.integrity = integrity;
    }

    /** The depot's revisions, newest first, each with what changed from the one before it. */
    public List<Entry> history(LocalDate planDate, String depotId) {
        return histories(planDate, List.of(depotId)).get(depotId);
    }

    /**
     * Each depot's revisions, newest first, each with what changed from the one before it. Each
     * run-wide {@code routes.csv} is read once for all the depots.
     */
    public Map<String, List<Entry>> histories(LocalDate planDate, List<String> depotIds) {
        List<PublishedRevision> runWide = plans.history(planDate, PlanRevisionStore.RUN_WIDE);
        Map<Integer, Optional<Map<String, Map<String, List<String>>>>> read = new HashMap<>();
        Map<String, List<Entry>> histories = new LinkedHashMap<>();
        for (String depotId : depotIds) {
            List<PublishedRevision> depot = plans.history(planDate, depotId);
            List<Optional<Map<String, List<String>>>> routes = depot.stream()
                    .map(r -> runWideAfter(r, runWide)
                            .flatMap(w -> read.computeIfAbsent(w.revision(), n -> routesOf(w)))
                            .map(byDepot -> byDepot.getOrDefault(depotId, Map.of())))
                    .toList();
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < depot.size(); i++) {
                entries.add(new Entry(depot.get(i), i == depot.size() - 1 ? null
                        : changes(depot.get(i + 1).revision(), routes.get(i + 1), depot.get(i).revision(), routes.get(i))));
            }
            histories.put(depotId, entries);
        }
        return histories;
    }

    static Changes compare(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> added = after.keySet().stream().filter(v -> !before.containsKey(v)).sorted().toList();
        List<String> removed = before.keySet().stream().filter(v -> !after.containsKey(v)).sorted().toList();
        List<String> resequenced = after.keySet().stream().filter(before::containsKey)
                .filter(v -> !before.get(v).equals(after.get(v)) && sameOrders(before.get(v), after.get(v))).sorted().toList();
        Map<String, String> vehicleBefore = vehicleOfOrder(before);
        Map<String, String> vehicleAfter = vehicleOfOrder(after);
        List<Move> moved = new ArrayList<>();
        List<String> ordersAdded = new ArrayList<>();
        vehicleAfter.forEach((order, vehicle) -> {
            String was = vehicleBefore.get(order);
            if (was == null) {
                ordersAdded.add(order);
            } else if (!was.equals(vehicle)) {
                moved.add(new Move(order, was, vehicle));
            }
        });
        List<String> dropped = vehicleBefore.keySet().stream().filter(o -> !vehicleAfter.containsKey(o)).toList();
        return new Changes(added, removed, resequenced, moved, ordersAdded, dropped, null);
    }

    private static Changes changes(int revisionBefore, Optional<Map<String, List<String>>> before, int revision,
                                   Optional<Map<String, List<String>>> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Changes.unreadable("the routes of revision " + (before.isEmpty() ? revisionBefore : revision)
                    + " are no longer on record (its routes.csv is gone or changed on disk)");
        }
        return compare(before.get(), after.get());
    }

    /**
     * The run-wide revision current right after a depot's revision was published: the one the same
     * attempt published after it (the publish step writes the depots first), else the last one before it.
     */
    private static Optional<PublishedRevision> runWideAfter(PublishedRevision depot, List<PublishedRevision> runWideNewestFirst) {
        return runWideNewestFirst.stream()
                .filter(r -> !r.publishedAt().isAfter(depot.publishedAt())
                        || r.attempt() == depot.attempt() && !r.publishedAt().isBefore(depot.publishedAt()))
                .findFirst();
    }

    /** The published routes of every depot in a run-wide revision's routes.csv: depot, vehicle, its orders in stop order. */
    private Optional<Map<String, Map<String, List<String>>>> routesOf(PublishedRevision runWide) {
        return runWide.artifacts().stream()
                .filter(a -> a.kind() == ArtifactKind.ROUTES_CSV && a.name().equals(ROUTES_CSV)).findFirst()
                .filter(integrity::intact)
                .map(RevisionChanges::read);
    }

    private static Map<String, Map<String, List<String>>> read(Artifact routesCsv) {
        Map<String, Map<String, TreeMap<Integer, String>>> stops = new TreeMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(routesCsv.path(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(in)) {
                stops.computeIfAbsent(row.get("depot_id"), d -> new TreeMap<>())
                        .computeIfAbsent(row.get("vehicle_id"), v -> new TreeMap<>())
                        .put(Integer.parseInt(row.get("seq")), row.get("order_id"));
            }
        } catch (IOException | RuntimeException e) {
            // a file that cannot be read is treated as one no longer on record
            return null;
        }
        Map<String, Map<String, List<String>>> routes = new TreeMap<>();
        stops.forEach((depot, vehicles) -> vehicles.forEach((vehicle, seq) ->
                routes.computeIfAbsent(depot, d -> new TreeMap<>()).put(vehicle, List.copyOf(seq.values()))));
        return routes;
    }

    private static boolean sameOrders(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().sorted().toList().equals(b.stream().sorted().toList());
    }

    private static Map<String, String> vehicleOfOrder(Map<String, List<String>> routes) {
        Map<String, String> vehicles = new TreeMap<>();
        routes.forEach((vehicle, orders) -> orders.forEach(o -> vehicles.put(o, Objects.requireNonNull(vehicle))));
        return vehicles;
    }
}
