package dev.routeplan.batch.job;

import dev.routeplan.batch.store.FleetStore;
import java.time.LocalDate;
import java.util.List;

/**
 * One partition per depot of the plan date, or per depot of the run's subset ({@code depots}
 * job parameter) when it names some; a depot of the subset the date does not have fails the step.
 */
public class DepotPartitioner extends PartitionPerKey<String> {

    public static final String DEPOT_ID = "depotId";

    public DepotPartitioner(FleetStore fleet, LocalDate planDate) {
        this(fleet, planDate, List.of());
    }

    public DepotPartitioner(FleetStore fleet, LocalDate planDate, List<String> subset) {
        super("depot", DEPOT_ID, () -> depots(fleet.depotIds(planDate), subset, planDate));
    }

    private static List<String> depots(List<String> ofTheDate, List<String> subset, LocalDate planDate) {
        if (subset.isEmpty()) {
            return ofTheDate;
        }
        List<String> unknown = subset.stream().filter(d -> !ofTheDate.contains(d)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("depots " + unknown + " are not among the depots of " + planDate + " " + ofTheDate);
        }
        return ofTheDate.stream().filter(subset::contains).toList();
    }
}
