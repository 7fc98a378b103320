package dev.routeplan.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The embedded authorization server's RSA key, kept in one file outside the repository: made on
 * first use, then read by the service and by {@code routeplan token} alike (so a token printed
 * while the service runs is one it accepts, without touching the database).
 */
public final class SigningKey {

    private SigningKey() {
    }

    /** Reads the key at {@code file}, or creates it (owner read/write only) when there is none. */
    public static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + file + " is not an RSA JWK: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".signing-key", ".tmp");
        try {
            ownerOnly(temporary);
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            // two processes starting at once: the first key written wins, the other is dropped
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }
}
