package dev.routeplan.batch.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Seals customers' names, phone numbers, addresses and rejected rows for the database with
 * AES-256-GCM (Tink). A sealed value is text, {@value #PREFIX} and the base64 of Tink's
 * ciphertext, whose first five bytes name the key ({@link #keyId}). Each value is bound to where
 * it is stored (its {@code context}, e.g. table, date, order and column) as associated data, so a
 * ciphertext copied into another row or column does not open there.
 */
public final class PersonalDataCipher {

    /** Marks a sealed value; text without it was stored before encryption (read as it is). */
    public static final String PREFIX = "pd1:";

    private final Aead aead;

    public PersonalDataCipher(PersonalDataKeys keys) {
        try {
            this.aead = keys.cipher().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the personal data keyset gives no AEAD: " + e.getMessage(), e);
        }
    }

    /** The value sealed for {@code context}; null and empty stay as they are (there is nothing to hide). */
    public String seal(String plaintext, String context) {
        if (plaintext == null || plaintext.isEmpty()) {
            return plaintext;
        }
        try {
            return PREFIX + Base64.getEncoder().encodeToString(
                    aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal personal data for " + context + ": " + e.getMessage(), e);
        }
    }

    /** The plaintext of a value {@link #seal}ed for the same {@code context}. */
    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data of " + context + " does not open with key " + keyId(stored)
                    + " of the keyset: altered, moved from another row, or sealed with a key this keyset has not ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The id of the key a sealed value was sealed with (Tink's output prefix: version byte, then the id). */
    public static long keyId(String stored) {
        byte[] ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        return Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    }
}
