package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.OrderRow;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens orders files in the formats senders use (CSV, gzip-compressed CSV and XLSX, see
 * {@link SheetFiles}) and names their columns. {@link #inspect} reads a file through once to refuse it
 * whole before any of its rows is written; {@link #open} then hands out its rows one by one.
 */
public final class OrderFiles {

    /** What reading a whole file found: it can be taken in, with this many data rows. */
    public record FileCheck(long dataRows) {
    }

    /**
     * The most characters a CSV row may have (its line break not counted). A longer row is set aside
     * ({@link OrderRow#tooLongField}) without being read into memory, and the rows after it are read on.
     */
    public static final int MAX_ROW_CHARS = CsvSheetRows.MAX_ROW_CHARS;

    private final OrderFileSettings settings;

    public OrderFiles(OrderFileSettings settings) {
        this.settings = settings;
    }

    /**
     * The data rows of a file, the header checked first.
     *
     * @param fileName the sender's name of the file; it decides the format
     * @param path     where the file is staged, whatever its name there
     * @throws UnreadableFileException when the file cannot be read at all or its header is wrong
     */
    public OrderRowSource open(long fileId, String fileName, Path path) {
        SheetRows rows = rows(fileName, path);
        try {
            OrderColumns columns = OrderColumns.fromHeader(fileName, rows.next(), settings);
            return new OrderRowSource() {
                @Override
                public OrderRow next() {
                    SheetRow row = rows.next();
                    return row == null ? null : columns.toOrderRow(fileId, fileName, row);
                }

                @Override
                public void close() {
                    rows.close();
                }
            };
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * Reads the whole file once, without building rows, and says how many data rows it has. A
     * file with a header and no data is fine: it has 0 rows.
     *
     * @param fileId   not needed to check a file; taken so that both calls name a file alike
     * @throws UnreadableFileException with the first problem that keeps the file from being taken in
     */
    public FileCheck inspect(long fileId, String fileName, Path path) {
        try (SheetRows rows = rows(fileName, path)) {
            OrderColumns.fromHeader(fileName, rows.next(), settings);
            long dataRows = 0;
            while (rows.next() != null) {
                dataRows++;
            }
            return new FileCheck(dataRows);
        }
    }

    /**
     * Where each order column is in a file, by its canonical name (0 the first column), found from
     * the header as {@link #open} finds it: a tool that changes cells in place (erasure) must change
     * the ones the ingest reads, whatever aliases and letter case the sender used.
     *
     * @throws UnreadableFileException when the file cannot be read at all or its header is wrong
     */
    public Map<String, Integer> columnPositions(String fileName, Path path) {
        try (SheetRows rows = rows(fileName, path)) {
            return OrderColumns.fromHeader(fileName, rows.next(), settings).positions();
        }
    }

    private SheetRows rows(String fileName, Path path) {
        return SheetFiles.open(fileName, path, settings.maxFileBytes(), settings.xlsxSheet());
    }
}
