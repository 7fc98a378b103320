package dev.routeplan.batch.ingest.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Opens the master-data files from outside (fleet, depots, no-entry permits, GRAP calendar) the
 * way orders files are opened: the same size limit, strict UTF-8, bound on the row length and
 * header check, and errors that name file, row and field.
 */
public final class InputTables {

    private final long maxFileBytes;

    /** @param maxFileBytes a file above this size is refused unread */
    public InputTables(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** With the orders' default size limit, for tools that read one file outside a run. */
    public static InputTables withDefaultLimit() {
        return new InputTables(OrderFileSettings.DEFAULTS.maxFileBytes());
    }

    /**
     * The data rows of a file, its header checked first.
     *
     * @param fileName the sender's name of the file; it decides the format and names it in errors
     * @param path     where the file is staged, whatever its name there
     * @param required columns the header must have
     * @param optional columns the header may have; a row of a file without one reads it as empty
     * @throws UnreadableFileException when the file cannot be read at all or its header is wrong
     */
    public InputTable open(String fileName, Path path, List<String> required, List<String> optional) {
        SheetRows rows = SheetFiles.open(fileName, path, maxFileBytes, "");
        try {
            Map<String, Integer> columns = HeaderColumns.index(fileName, rows.next(), required, optional, Map.of());
            return new InputTable(fileName, rows, columns);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }
}
