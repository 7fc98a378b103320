package dev.routeplan.batch.ingest;

import dev.routeplan.batch.ingest.format.OrderFiles;
import dev.routeplan.batch.ingest.format.OrderRowSource;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads an orders file (CSV, CSV.GZ or XLSX) row by row. Restartable: the item count is saved with
 * each committed chunk, and a restart skips that many rows before reading on. A file refused whole
 * before the step began yields no rows.
 */
public class OrderFileItemReader extends AbstractItemCountingItemStreamItemReader<OrderRow> {

    public static final List<String> COLUMNS = List.of("order_id", "customer_name", "phone", "address", "pincode", "lat",
            "lon", "weight_kg", "volume_m3", "window_start", "window_end", "service_minutes", "priority", "depot_id",
            "goods_type");
    /** Columns a file may leave out: an order's second time window (both or neither per row). */
    public static final List<String> OPTIONAL_COLUMNS = List.of("window2_start", "window2_end");

    /** Rows handed out so far, kept with each commit; unlike the item count it excludes the final end-of-file read. */
    public static final String ROWS_READ_KEY = "orderFileReader.rows";
    /** Set by the file check when the whole file is refused. */
    public static final String FILE_REJECTED_KEY = "orderFileReader.fileRejected";

    private final OrderFiles formats;
    private final long fileId;
    private final String fileName;
    private final Path path;
    private OrderRowSource rows;
    private long rowsRead;

    public OrderFileItemReader(OrderFiles formats, long fileId, String fileName, Path path) {
        this.formats = formats;
        this.fileId = fileId;
        this.fileName = fileName;
        this.path = path;
        setName("orderFileReader");
    }

    @Override
    public void open(ExecutionContext context) {
        if (!context.containsKey(FILE_REJECTED_KEY)) {
            rows = formats.open(fileId, fileName, path);
        }
        rowsRead = 0;
        super.open(context);
    }

    @Override
    protected void doOpen() {
        // opened in open(ExecutionContext), which knows whether the file was refused
    }

    @Override
    protected OrderRow doRead() {
        OrderRow row = rows == null ? null : rows.next();
        if (row != null) {
            rowsRead++;
        }
        return row;
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(ROWS_READ_KEY, rowsRead);
    }

    @Override
    protected void doClose() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
