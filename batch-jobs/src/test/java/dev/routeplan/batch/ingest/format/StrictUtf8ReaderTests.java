package dev.routeplan.batch.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTests {

    @Test
    void decodesCharactersCutByTheBufferBoundary() throws IOException {
        // 3-byte Devanagari letters after one ASCII byte: every 8 KB buffer ends inside a letter
        String text = "x" + "क्ष".repeat(20_000) + "\n₹";

        assertThat(read(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void stopsAtTheFirstByteThatIsNotUtf8AndNamesItsLine() {
        byte[] latin1 = "name\nAsha\nCafé\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(latin1))
                .isInstanceOf(StrictUtf8Reader.NotUtf8Exception.class)
                .hasMessage("line 3 is not UTF-8 (byte 0xE9 at offset 13); save the file as UTF-8");
    }

    @Test
    void refusesACharacterCutOffAtTheEnd() {
        byte[] cut = {'a', (byte) 0xE0, (byte) 0xA4};

        assertThatThrownBy(() -> read(cut)).isInstanceOf(StrictUtf8Reader.NotUtf8Exception.class);
    }

    private static String read(byte[] bytes) throws IOException {
        StringWriter out = new StringWriter();
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
            reader.transferTo(out);
        }
        return out.toString();
    }
}
