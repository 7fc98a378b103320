package dev.routeplan.batch.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTests {

    private static final String CONTEXT = "orders/2026-12-08/ORD-1/address";

    @TempDir
    Path keys;

    @Test
    void sealsAValueSoThatItsTextDoesNotShowAndOpensItAgain() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys));

        String sealed = cipher.seal("B-12, Okhla Phase 2, नई दिल्ली", CONTEXT);

        assertThat(sealed).startsWith(PersonalDataCipher.PREFIX).doesNotContain("Okhla").doesNotContain("दिल्ली");
        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo("B-12, Okhla Phase 2, नई दिल्ली");
        assertThat(cipher.seal("B-12, Okhla Phase 2, नई दिल्ली", CONTEXT)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void leavesNothingToHideAsItIs() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys));

        assertThat(cipher.seal(null, CONTEXT)).isNull();
        assertThat(cipher.seal("", CONTEXT)).isEmpty();
        assertThat(cipher.open("written before encryption", CONTEXT)).isEqualTo("written before encryption");
    }

    @Test
    void refusesACiphertextMovedToAnotherRowOrColumn() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys));
        String sealed = cipher.seal("+919876541234", "orders/2026-12-08/ORD-1/phone");

        assertThatThrownBy(() -> cipher.open(sealed, "orders/2026-12-08/ORD-2/phone"))
                .hasMessageContaining("personal data of orders/2026-12-08/ORD-2/phone does not open");
        assertThatThrownBy(() -> cipher.open(sealed, "orders/2026-12-08/ORD-1/address")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesACiphertextWithOneBitChanged() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys));
        byte[] bytes = Base64.getDecoder().decode(cipher.seal("Asha Kumari", CONTEXT).substring(PersonalDataCipher.PREFIX.length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = PersonalDataCipher.PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(tampered, CONTEXT)).hasMessageContaining("altered");
    }

    @Test
    void opensWhatTheOldKeySealedAfterARotationAndSealsWithTheNewKey() {
        PersonalDataCipher before = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys));
        String old = before.seal("Asha Kumari", CONTEXT);

        int newKey = PersonalDataKeys.rotate(keys);
        PersonalDataCipher after = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys));
        String fresh = after.seal("Asha Kumari", CONTEXT);

        assertThat(after.open(old, CONTEXT)).isEqualTo("Asha Kumari");
        assertThat(PersonalDataCipher.keyId(fresh)).isEqualTo(Integer.toUnsignedLong(newKey));
        assertThat(PersonalDataCipher.keyId(old)).isNotEqualTo(PersonalDataCipher.keyId(fresh));
    }

    @Test
    void doesNotOpenDataSealedWithAnotherKeyset(@TempDir Path otherKeys) {
        String sealed = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys)).seal("Asha Kumari", CONTEXT);

        PersonalDataCipher other = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(otherKeys));

        assertThatThrownBy(() -> other.open(sealed, CONTEXT)).hasMessageContaining("does not open with key");
    }

    @Test
    void keepsTheKeysInOwnerOnlyFilesAndReadsTheSameKeysBack() throws Exception {
        String sealed = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys)).seal("Asha Kumari", CONTEXT);

        for (String keyset : new String[] {PersonalDataKeys.CIPHER_FILE, PersonalDataKeys.LOOKUP_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(keyset)))).isEqualTo("rw-------");
        }
        assertThat(new PersonalDataCipher(PersonalDataKeys.loadOrCreate(keys)).open(sealed, CONTEXT)).isEqualTo("Asha Kumari");
    }

    @Test
    void saysWhichFileIsNotAKeyset() throws Exception {
        Files.writeString(keys.resolve(PersonalDataKeys.CIPHER_FILE), "{\"not\": \"a keyset\"}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PersonalDataKeys.loadOrCreate(keys))
                .hasMessageContaining(keys.resolve(PersonalDataKeys.CIPHER_FILE) + " is not a Tink keyset");
    }
}
