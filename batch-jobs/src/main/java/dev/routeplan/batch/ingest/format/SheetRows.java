package dev.routeplan.batch.ingest.format;

/** The rows of one file in one format, header included, read one at a time. */
interface SheetRows extends AutoCloseable {

    /**
     * The next row, or {@code null} after the last.
     *
     * @throws UnreadableFileException when the file cannot be read on
     */
    SheetRow next();

    @Override
    void close();
}
