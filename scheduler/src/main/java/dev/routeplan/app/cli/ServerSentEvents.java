package dev.routeplan.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a {@code text/event-stream} (the HTML standard's server-sent events) one event at a time:
 * {@code event:} names it, {@code data:} lines are joined with newlines, {@code id:} is kept until
 * another replaces it, lines starting with {@code :} are comments (heartbeats) and are skipped, and a
 * blank line ends an event. Lines may end in LF, CR or CRLF ({@link BufferedReader#readLine()} takes
 * all three). An event without data is not an event, and a last one cut off without its blank line
 * is dropped, as a browser does.
 */
final class ServerSentEvents {

    /** The type of an event that names none. */
    static final String DEFAULT_NAME = "message";

    /**
     * One event.
     *
     * @param name its {@code event:} field, else {@value #DEFAULT_NAME}
     * @param data its {@code data:} lines joined with {@code \n}
     * @param id   the last {@code id:} the stream gave, on this event or an earlier one; null before any
     */
    record Event(String name, String data, String id) {
    }

    private final BufferedReader in;
    private boolean first = true;
    private String lastId;

    ServerSentEvents(BufferedReader in) {
        this.in = in;
    }

    /** The next event, or empty when the stream has ended. */
    Optional<Event> next() throws IOException {
        String name = null;
        StringBuilder data = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (first) {
                first = false;
                // a byte order mark may open the stream
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new Event(name == null || name.isEmpty() ? DEFAULT_NAME : name, data.toString(), lastId));
                }
                name = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastId = value;
                    }
                }
                default -> {
                    // retry and unknown fields: nothing a reader of this stream needs
                }
            }
        }
        return Optional.empty();
    }
}
