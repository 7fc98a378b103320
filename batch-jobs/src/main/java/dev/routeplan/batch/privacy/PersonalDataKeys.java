package dev.routeplan.batch.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two Tink keysets of personal data, as JSON files in one folder outside the repository and
 * the database. A keyset holds every key ever used and marks one primary: new data is sealed with
 * the primary, and each ciphertext starts with the id of its key, so after {@link #rotate} old rows
 * still open with their own key and nothing has to be re-encrypted at once.
 */
public final class PersonalDataKeys {

    public static final String CIPHER_FILE = "personal-data-aead.json";
    public static final String LOOKUP_FILE = "personal-data-lookup.json";

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD and MAC cannot be registered", e);
        }
    }

    /** Each keyset's file and kind, the cipher's first: {@link #create} makes them in this order. */
    private static final Map<String, Parameters> KEYSETS = orderedKeysets();

    private final KeysetHandle cipher;
    private final KeysetHandle lookup;

    private PersonalDataKeys(KeysetHandle cipher, KeysetHandle lookup) {
        this.cipher = cipher;
        this.lookup = lookup;
    }

    /** Reads both keysets from {@code folder}, making each that is missing (owner read/write only). */
    public static PersonalDataKeys loadOrCreate(Path folder) {
        return new PersonalDataKeys(loadOrCreate(folder.resolve(CIPHER_FILE), KEYSETS.get(CIPHER_FILE)),
                loadOrCreate(folder.resolve(LOOKUP_FILE), KEYSETS.get(LOOKUP_FILE)));
    }

    /**
     * Makes each keyset of {@code folder} that is missing, for {@code routeplan keys create}: the
     * folder is then copied into the Secret that production mounts read-only.
     *
     * @return the files made (none when both were there: nothing is ever replaced)
     */
    public static List<Path> create(Path folder) {
        List<Path> made = new ArrayList<>();
        for (Map.Entry<String, Parameters> keyset : KEYSETS.entrySet()) {
            Path file = folder.resolve(keyset.getKey());
            if (!Files.exists(file)) {
                loadOrCreate(file, keyset.getValue());
                made.add(file);
            }
        }
        return made;
    }

    /**
     * Adds a new AES-256-GCM key to the folder's keyset and makes it the primary: what is sealed
     * from now on uses it, what was sealed before keeps opening with the key its id names.
     * Processes that already hold the keys see the new one when they start again.
     *
     * @return the new primary key's id
     */
    public static int rotate(Path folder) {
        Path file = folder.resolve(CIPHER_FILE);
        try {
            KeysetHandle current = loadOrCreate(file, KEYSETS.get(CIPHER_FILE));
            KeysetHandle rotated = KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
                            .makePrimary())
                    .build();
            write(file, rotated, true);
            return rotated.getPrimary().getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot rotate the keyset " + file + ": " + e.getMessage(), e);
        }
    }

    KeysetHandle cipher() {
        return cipher;
    }

    KeysetHandle lookup() {
        return lookup;
    }

    private static Map<String, Parameters> orderedKeysets() {
        Map<String, Parameters> keysets = new LinkedHashMap<>();
        keysets.put(CIPHER_FILE, PredefinedAeadParameters.AES256_GCM);
        keysets.put(LOOKUP_FILE, PredefinedMacParameters.HMAC_SHA256_256BITTAG);
        return Collections.unmodifiableMap(keysets);
    }

    private static KeysetHandle loadOrCreate(Path file, Parameters parameters) {
        try {
            if (!Files.exists(file)) {
                write(file, KeysetHandle.generateNew(parameters), false);
            }
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the personal data keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the personal data keyset " + file + " is not a Tink keyset of "
                    + parameters + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, KeysetHandle keyset, boolean replace) throws GeneralSecurityException {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".part");
            try {
                ownerOnly(temporary);
                Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                        StandardCharsets.UTF_8);
                if (replace) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    // two processes starting at once: the first keyset written wins, the other is dropped
                    Files.move(temporary, file);
                }
            } catch (FileAlreadyExistsException raced) {
                // the other process's keyset is read back by the caller
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // a read-only folder is production's Secret: the keys are made once, outside the pod
            throw new UncheckedIOException("cannot write the personal data keyset " + file
                    + " (where the folder is mounted read-only, make the keys with `routeplan keys create`"
                    + " and put them in it)", e);
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
