package dev.routeplan.batch.ingest.format;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/** The data rows of one master-data file, read one at a time; close it when done. */
public final class InputTable implements Iterable<InputRow>, AutoCloseable {

    private final String fileName;
    private final SheetRows rows;
    private final Map<String, Integer> columns;

    InputTable(String fileName, SheetRows rows, Map<String, Integer> columns) {
        this.fileName = fileName;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Rows in file order; a single pass.
     *
     * @throws UnreadableFileException from {@code hasNext} when the file cannot be read on
     */
    @Override
    public Iterator<InputRow> iterator() {
        return new Iterator<>() {
            private SheetRow next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = rows.next();
                    if (next != null && next.isTooLong()) {
                        throw next.tooLongError(fileName);
                    }
                }
                return next != null;
            }

            @Override
            public InputRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                InputRow row = new InputRow(fileName, next, columns);
                next = null;
                return row;
            }
        };
    }

    @Override
    public void close() {
        rows.close();
    }
}
