package dev.routeplan.planning.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Tests {

    /** FIPS 180-2's example: stored hashes stay valid only while this holds. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path temp;

    @Test
    void givesTheStandardDigestAsLowercaseHex() {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
    }

    @Test
    void hashesAFileLargerThanOneBlockAsItsBytes() throws IOException {
        byte[] content = "x".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(temp.resolve("big.csv"), content);

        assertThat(Sha256.hex(file)).isEqualTo(Sha256.hex(content));
    }
}
