package dev.routeplan.batch.job;

import dev.routeplan.batch.store.FleetStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per depot of the plan date, named after the depot so a restart finds it again. */
public class DepotPartitioner implements Partitioner {

    public static final String DEPOT_ID = "depotId";

    private final FleetStore fleet;
    private final LocalDate planDate;

    public DepotPartitioner(FleetStore fleet, LocalDate planDate) {
        this.fleet = fleet;
        this.planDate = planDate;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String depotId : fleet.depotIds(planDate)) {
            ExecutionContext context = new ExecutionContext();
            context.putString(DEPOT_ID, depotId);
            partitions.put("depot-" + depotId, context);
        }
        return partitions;
    }
}
