package dev.routeplan.batch.ingest;

import dev.routeplan.batch.job.PartitionPerKey;
import dev.routeplan.batch.store.InputFile;
import dev.routeplan.batch.store.InputFileStore;
import java.time.LocalDate;

/** One partition per orders file registered for the date and not yet ingested, by the file's id. */
public class OrderFilePartitioner extends PartitionPerKey<Long> {

    public static final String FILE_ID = "fileId";

    public OrderFilePartitioner(InputFileStore files, LocalDate planDate) {
        super("file", FILE_ID, () -> files.awaitingIngest(planDate).stream().map(InputFile::id).toList());
    }
}
