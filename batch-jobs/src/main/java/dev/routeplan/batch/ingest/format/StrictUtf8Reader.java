package dev.routeplan.batch.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and stops at the first byte sequence that is not UTF-8. An
 * {@link java.io.InputStreamReader} would silently put U+FFFD in its place, and a Latin-1
 * "é" would reach the customer's name as "�". A leading byte order mark is dropped.
 */
final class StrictUtf8Reader extends Reader {

    /** The input is not UTF-8 at {@code line} (counting physical lines from 1) and byte {@code offset}. */
    static final class NotUtf8Exception extends IOException {
        final long line;

        NotUtf8Exception(long line, long offset, int badByte) {
            super(String.format("line %d is not UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", line,
                    badByte & 0xFF, offset));
            this.line = line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private long bytesBeforeBuffer;
    private long line = 1;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        // fewer than 4 bytes left may be the start of a character cut by the buffer's end
        if (!endOfInput && bytes.remaining() < 4) {
            readBytes();
        }
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && result.isUnderflow()) {
            result = decoder.flush(chars);
            flushed = result.isUnderflow();
        }
        int decodedEnd = chars.position();
        chars.flip();
        countLines(decodedEnd);
        if (result.isError()) {
            throw new NotUtf8Exception(line, bytesBeforeBuffer + bytes.position(), bytes.get(bytes.position()));
        }
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
    }

    private void readBytes() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countLines(int end) {
        for (int i = 0; i < end; i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
