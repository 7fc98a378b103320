package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.OrderRow;

/**
 * The data rows of one orders file, whatever its format (CSV, gzip-compressed CSV, XLSX), read
 * one at a time so a file of any size needs bounded memory.
 */
public interface OrderRowSource extends AutoCloseable {

    /**
     * The next data row, or {@code null} after the last one.
     *
     * @throws dev.routeplan.batch.ingest.InputFileException when the file cannot be read on; the
     *         message names the file and the row
     */
    OrderRow next();

    @Override
    void close();
}
