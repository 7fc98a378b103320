package dev.routeplan.batch.ingest;

import dev.routeplan.batch.store.InputFile;
import dev.routeplan.batch.store.InputFileStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per orders file registered for the date and not yet ingested. */
public class OrderFilePartitioner implements Partitioner {

    public static final String FILE_ID = "fileId";

    private final InputFileStore files;
    private final LocalDate planDate;

    public OrderFilePartitioner(InputFileStore files, LocalDate planDate) {
        this.files = files;
        this.planDate = planDate;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (InputFile file : files.awaitingIngest(planDate)) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(FILE_ID, file.id());
            partitions.put("file-" + file.id(), context);
        }
        return partitions;
    }
}
