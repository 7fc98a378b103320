package dev.routeplan.batch.ingest;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads an orders CSV row by row. Restartable: the item count is saved with each committed
 * chunk, and a restart skips that many rows before reading on.
 */
public class OrderCsvItemReader extends AbstractItemCountingItemStreamItemReader<OrderRow> {

    public static final List<String> COLUMNS = List.of("order_id", "customer_name", "phone", "address", "pincode", "lat",
            "lon", "weight_kg", "volume_m3", "window_start", "window_end", "service_minutes", "priority", "depot_id",
            "goods_type");

    /** Rows handed out so far, kept with each commit; unlike the item count it excludes the final end-of-file read. */
    public static final String ROWS_READ_KEY = "orderCsvReader.rows";

    private final long fileId;
    private final String fileName;
    private final Path path;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long rowsRead;
    private int[] columnIndex;

    public OrderCsvItemReader(long fileId, String fileName, Path path) {
        this.fileId = fileId;
        this.fileName = fileName;
        this.path = path;
        setName("orderCsvReader");
    }

    @Override
    protected void doOpen() throws Exception {
        parser = CsvFiles.open(path);
        List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputFileException(fileName, 1, String.join(",", missing), "missing column(s); expected header "
                    + String.join(",", COLUMNS));
        }
        // by index: a case-insensitive header lookup per field costs more than the parse itself
        columnIndex = COLUMNS.stream().mapToInt(c -> header.indexOf(c)).toArray();
        records = parser.iterator();
        rowsRead = 0;
    }

    @Override
    protected OrderRow doRead() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        rowsRead++;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            int index = columnIndex[i];
            values.put(COLUMNS.get(i), index < record.size() ? record.get(index) : "");
        }
        // +1 for the header row, so the number matches what the sender sees in a spreadsheet
        int rowNumber = (int) record.getRecordNumber() + 1;
        return new OrderRow(fileId, fileName, rowNumber, values, CsvFiles.raw(record));
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(ROWS_READ_KEY, rowsRead);
    }

    @Override
    protected void doClose() throws Exception {
        if (parser != null) {
            parser.close();
        }
    }
}
