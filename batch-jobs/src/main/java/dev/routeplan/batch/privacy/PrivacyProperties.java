package dev.routeplan.batch.privacy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys of customers' personal data live ({@code routeplan.privacy.*}).
 *
 * @param keyFolder the folder holding the two Tink keysets, {@value PersonalDataKeys#CIPHER_FILE}
 *                  (AES-256-GCM, every key id since the first, one primary) and
 *                  {@value PersonalDataKeys#LOOKUP_FILE} (HMAC-SHA256 for finding a phone number
 *                  without its plaintext). Made on first use on the embedded default, beside the JWT
 *                  signing key; in production a Secret mounted read-only. Never in the database: a copy
 *                  of the database alone must not open the data.
 */
@ConfigurationProperties("routeplan.privacy")
public record PrivacyProperties(@DefaultValue("data/keys") Path keyFolder) {
}
