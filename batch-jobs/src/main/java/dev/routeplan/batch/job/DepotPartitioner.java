package dev.routeplan.batch.job;

import dev.routeplan.batch.store.FleetStore;
import java.time.LocalDate;

/** One partition per depot of the plan date. */
public class DepotPartitioner extends PartitionPerKey<String> {

    public static final String DEPOT_ID = "depotId";

    public DepotPartitioner(FleetStore fleet, LocalDate planDate) {
        super("depot", DEPOT_ID, () -> fleet.depotIds(planDate));
    }
}
