package dev.routeplan.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses off one keep-alive connection as their bytes arrive: the status,
 * then a body of {@code Content-Length} bytes or in chunks, skipped, not kept. Enough HTTP for
 * a benchmark against a known server; not a general client.
 */
final class ResponseParser {

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, TRAILER, DONE }

    private State state = State.HEAD;
    private int status;
    private boolean closeAfter;
    private long remaining;
    private long bodyBytes;

    void reset() {
        state = State.HEAD;
        status = 0;
        closeAfter = false;
        remaining = 0;
        bodyBytes = 0;
    }

    int status() {
        return status;
    }

    /** Whether the server said it closes the connection after this response. */
    boolean closeAfter() {
        return closeAfter;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    /**
     * Consumes what it can of {@code in} (in read mode) and says whether a whole response has
     * been read; what follows it stays in the buffer.
     */
    boolean feed(ByteBuffer in) {
        while (true) {
            switch (state) {
                case HEAD -> {
                    int end = indexOf(in, "\r\n\r\n");
                    if (end < 0) {
                        return false;
                    }
                    head(in, end);
                    if (status >= 100 && status < 200) {
                        reset();
                    }
                }
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + n);
                    remaining -= n;
                    bodyBytes += n;
                    if (remaining > 0) {
                        return false;
                    }
                    if (state == State.BODY) {
                        state = State.DONE;
                    } else {
                        bodyBytes -= 2;
                        state = State.CHUNK_SIZE;
                    }
                }
                case CHUNK_SIZE -> {
                    String line = line(in);
                    if (line == null) {
                        return false;
                    }
                    int extension = line.indexOf(';');
                    long size = Long.parseLong((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
                    if (size == 0) {
                        state = State.TRAILER;
                    } else {
                        remaining = size + 2;
                        state = State.CHUNK_DATA;
                    }
                }
                case TRAILER -> {
                    String line = line(in);
                    if (line == null) {
                        return false;
                    }
                    if (line.isEmpty()) {
                        state = State.DONE;
                    }
                }
                case DONE -> {
                    return true;
                }
            }
        }
    }

    private void head(ByteBuffer in, int end) {
        byte[] bytes = new byte[end - in.position()];
        in.get(bytes);
        in.position(in.position() + 4);
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x response: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        long length = -1;
        boolean chunked = false;
        closeAfter = statusLine[0].equals("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close") || (closeAfter && !value.contains("keep-alive"));
                default -> { }
            }
        }
        if (status < 200 || status == 204 || status == 304) {
            // no body whatever the headers say (RFC 9112, 6.3)
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (length >= 0) {
            remaining = length;
            state = State.BODY;
        } else {
            // no length and not chunked: the body runs to the end of the connection, which a keep-alive benchmark does not expect
            throw new IllegalStateException("a response without Content-Length or chunks (status " + status + ")");
        }
    }

    private static String line(ByteBuffer in) {
        int end = indexOf(in, "\r\n");
        if (end < 0) {
            return null;
        }
        byte[] bytes = new byte[end - in.position()];
        in.get(bytes);
        in.position(in.position() + 2);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(ByteBuffer in, String marker) {
        int last = in.limit() - marker.length();
        outer:
        for (int i = in.position(); i <= last; i++) {
            for (int j = 0; j < marker.length(); j++) {
                if (in.get(i + j) != marker.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
