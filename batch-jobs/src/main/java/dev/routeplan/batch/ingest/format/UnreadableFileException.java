package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.InputFileException;

/**
 * An orders file that cannot be taken in at all, found before any of its rows is written. It is
 * an {@link InputFileException} so that whoever already handles unreadable input handles this
 * too; the {@link Reason} lets the sender's report say what kind of problem it is.
 */
public class UnreadableFileException extends InputFileException {

    /** What is wrong with the file; the name is the reason code shown to operators and senders. */
    public enum Reason {
        FILE_TOO_LARGE, EMPTY_FILE, UNSUPPORTED_FORMAT, WRONG_FORMAT, BINARY_CONTENT, NOT_UTF8, TRUNCATED_GZIP,
        CORRUPT_GZIP, MALFORMED_CSV, WRONG_DELIMITER, MISSING_COLUMNS, DUPLICATE_COLUMN, UNSAFE_XLSX, UNREADABLE_XLSX,
        MISSING_SHEET, READ_FAILED
    }

    private final Reason reason;
    private final String message;

    /** A problem in one row (or the header, row 1) and, where it is about columns, the fields concerned. */
    public UnreadableFileException(Reason reason, String fileName, int row, String field, String problem) {
        super(fileName, row, field, problem);
        this.reason = reason;
        this.message = super.getMessage();
    }

    /**
     * A problem of the whole file, or of a row with no field to name. The message then names only
     * what is known, rather than the "row 0 field -" the parent's format would give.
     */
    public UnreadableFileException(Reason reason, String fileName, int row, String problem) {
        super(fileName, row, "-", problem);
        this.reason = reason;
        this.message = fileName + (row > 0 ? " row " + row : "") + ": " + problem;
    }

    public UnreadableFileException(Reason reason, String fileName, int row, String problem, Throwable cause) {
        this(reason, fileName, row, problem);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The reason as stored with rejects and shown in reports, e.g. {@code NOT_UTF8}. */
    public String reasonCode() {
        return reason.name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
