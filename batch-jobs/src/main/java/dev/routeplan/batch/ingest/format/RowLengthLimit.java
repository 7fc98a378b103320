package dev.routeplan.batch.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * Sits between the decoded text of a CSV file and the parser, and cuts any row longer than
 * {@link #maxRowChars} short, so that one row of 2 GB (a quote left open, a runaway export) costs
 * a bounded amount of memory and only that row: the parser gets the row's first characters and a
 * line end, the rest of the row is read past unparsed, and the rows after it are read as usual.
 * Which rows were cut is asked of {@link #cutCell} once the parser hands them out.
 *
 * <p>To know where a row ends without the parser, it follows RFC 4180 as Commons CSV does: a quote
 * opens a quoted value only as a field's first character, {@code ""} inside one is a quote, and a
 * CR or LF outside quotes ends the row. Rows are counted as the parser counts records: a line with
 * nothing on it is no row, so the n-th row here is the parser's record n.
 */
final class RowLengthLimit extends Reader {

    /** Thrown when a row past the limit opens a quote that the file never closes: where it ends is unknowable. */
    static final class QuoteNeverClosedException extends IOException {
        final long row;

        QuoteNeverClosedException(long row, int maxRowChars) {
            super("a row runs on for more than " + maxRowChars + " characters (a quote not closed?)");
            this.row = row;
        }
    }

    private enum State { LINE_START, FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private static final char[] END_ROW = {'\n'};
    private static final char[] END_QUOTED_ROW = {'"', '\n'};

    private final Reader in;
    private final int maxRowChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;
    private State state = State.LINE_START;
    private long row;
    private int rowChars;
    private int cell;
    private boolean skipping;
    private char[] pending = END_ROW;
    private int pendingPosition = pending.length;
    /** The rows cut short and not yet asked about: row number, and the cell (0 the first) the limit was passed in. */
    private final Map<Long, Integer> cutRows = new HashMap<>();

    RowLengthLimit(Reader in, int maxRowChars) {
        this.in = in;
        this.maxRowChars = maxRowChars;
    }

    /**
     * The cell a row was cut in, for a row the parser has just handed out, counting rows as the
     * parser does (the first row of the file is 1); -1 for a row read whole.
     */
    int cutCell(long rowNumber) {
        Integer cut = cutRows.remove(rowNumber);
        return cut == null ? -1 : cut;
    }

    @Override
    public int read(char[] out, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length) {
            if (pendingPosition < pending.length) {
                out[offset + n++] = pending[pendingPosition++];
                continue;
            }
            if (position == end) {
                if (n > 0) {
                    break; // hand over what is ready before reading on
                }
                if (!fill()) {
                    break;
                }
            }
            char c = buffer[position++];
            if (take(c)) {
                out[offset + n++] = c;
            }
        }
        return n == 0 ? -1 : n;
    }

    /** Follows one character through the row it is in; true when the parser is to get it. */
    private boolean take(char c) {
        boolean lineBreak = c == '\n' || c == '\r';
        if (state == State.LINE_START) {
            if (lineBreak) {
                return true; // an empty line, or the LF of a CRLF: the parser skips it too
            }
            row++;
            rowChars = 0;
            cell = 0;
            state = State.FIELD_START;
        }
        State before = state;
        int cellBefore = cell;
        state = next(state, c, lineBreak);
        if (state == State.LINE_START) {
            if (skipping) {
                skipping = false;
                return false; // the parser had its line end when the row was cut
            }
            return true;
        }
        if (skipping) {
            return false;
        }
        if (++rowChars > maxRowChars) {
            skipping = true;
            cutRows.put(row, cellBefore);
            pending = before == State.QUOTED ? END_QUOTED_ROW : END_ROW;
            pendingPosition = 0;
            return false;
        }
        return true;
    }

    private State next(State current, char c, boolean lineBreak) {
        return switch (current) {
            case FIELD_START, UNQUOTED -> {
                if (c == ',') {
                    cell++;
                    yield State.FIELD_START;
                }
                if (lineBreak) {
                    yield State.LINE_START;
                }
                yield current == State.FIELD_START && c == '"' ? State.QUOTED : State.UNQUOTED;
            }
            case QUOTED -> c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    yield State.QUOTED; // "" is a quote inside the value
                }
                if (c == ',') {
                    cell++;
                    yield State.FIELD_START;
                }
                // anything else after a closing quote is the parser's to refuse
                yield lineBreak ? State.LINE_START : State.UNQUOTED;
            }
            case LINE_START -> throw new IllegalStateException("a row starts before its first character is taken");
        };
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            if (skipping && state == State.QUOTED) {
                throw new QuoteNeverClosedException(row, maxRowChars);
            }
            return false;
        }
        position = 0;
        end = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
