package dev.routeplan.batch.privacy;

import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A keyed hash (HMAC-SHA256, Tink) of a normalised phone number, stored beside the sealed number
 * so that an erasure request finds a customer's rows without the plaintext being kept or an
 * unkeyed hash being guessable (India's mobile numbers are few enough to hash them all). Its key is
 * not rotated: a new lookup key would need every stored hash computed again.
 */
public final class PhoneLookup {

    private final Mac mac;

    public PhoneLookup(PersonalDataKeys keys) {
        try {
            this.mac = keys.lookup().getPrimitive(RegistryConfiguration.get(), Mac.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the phone lookup keyset gives no MAC: " + e.getMessage(), e);
        }
    }

    /** The lookup hash of a number as ingest stores it ({@code +91} and ten digits), or null when there is none. */
    public String of(String phone) {
        if (phone == null || phone.isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(mac.computeMac(phone.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash a phone number: " + e.getMessage(), e);
        }
    }
}
