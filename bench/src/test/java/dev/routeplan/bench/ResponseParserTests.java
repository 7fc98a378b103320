package dev.routeplan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTests {

    private final ResponseParser parser = new ResponseParser();

    @Test
    void readsABodyOfContentLengthBytesAndLeavesTheNextResponseInTheBuffer() {
        ByteBuffer in = bytes("HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"UP\"}HTTP/1.1 4");

        assertThat(parser.feed(in)).isTrue();

        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.bodyBytes()).isEqualTo(15);
        assertThat(parser.closeAfter()).isFalse();
        assertThat(StandardCharsets.ISO_8859_1.decode(in).toString()).isEqualTo("HTTP/1.1 4");
    }

    @Test
    void readsChunksThatArriveInPiecesAndCountsOnlyTheirData() {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        ByteBuffer buffer = ByteBuffer.allocate(256);
        boolean complete = false;
        for (int i = 0; i < response.length(); i++) {
            buffer.put((byte) response.charAt(i));
            buffer.flip();
            complete = parser.feed(buffer);
            buffer.compact();
            assertThat(complete).as("complete only after the last byte").isEqualTo(i == response.length() - 1);
        }

        assertThat(parser.bodyBytes()).isEqualTo(11);
    }

    @Test
    void aNotModifiedHasNoBodyAndConnectionCloseIsNoticed() {
        ByteBuffer in = bytes("HTTP/1.1 304 \r\nETag: \"abc\"\r\nConnection: close\r\n\r\n");

        assertThat(parser.feed(in)).isTrue();

        assertThat(parser.status()).isEqualTo(304);
        assertThat(parser.bodyBytes()).isZero();
        assertThat(parser.closeAfter()).isTrue();
    }

    @Test
    void aTooManyRequestsIsReadLikeAnyOtherStatus() {
        ByteBuffer in = bytes("HTTP/1.1 429 \r\nRetry-After: 12\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(parser.feed(in)).isTrue();

        assertThat(parser.status()).isEqualTo(429);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
