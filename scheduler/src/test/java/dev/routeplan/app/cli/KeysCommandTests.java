package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.privacy.PersonalDataCipher;
import dev.routeplan.batch.privacy.PersonalDataKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RouteplanCommandLine cli = new RouteplanCommandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    @Test
    void makesBothKeysetsInTheConfiguredFolderOwnerOnly() throws Exception {
        Path folder = temp.resolve("privacy");

        int status = cli.execute("keys", "create", "--routeplan.privacy.key-folder=" + folder);

        assertThat(status).isZero();
        for (String keyset : new String[] {PersonalDataKeys.CIPHER_FILE, PersonalDataKeys.LOOKUP_FILE}) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("made " + folder.resolve(keyset));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(keyset))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void neverReplacesAKeysetThatIsThere() throws Exception {
        cli.execute("keys", "create", "--folder", temp.toString());
        String cipherKeys = Files.readString(temp.resolve(PersonalDataKeys.CIPHER_FILE));
        String lookupKeys = Files.readString(temp.resolve(PersonalDataKeys.LOOKUP_FILE));
        out.reset();

        int status = cli.execute("keys", "create", "--folder", temp.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing changed").doesNotContain("made");
        assertThat(Files.readString(temp.resolve(PersonalDataKeys.CIPHER_FILE))).isEqualTo(cipherKeys);
        assertThat(Files.readString(temp.resolve(PersonalDataKeys.LOOKUP_FILE))).isEqualTo(lookupKeys);
    }

    @Test
    void rotatesToANewPrimaryKeyThatSealsFromNowOnWhileOldDataStillOpens() {
        cli.execute("keys", "create", "--folder", temp.toString());
        String sealedBefore = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(temp)).seal("Asha Verma", "orders/1/name");
        out.reset();

        int status = cli.execute("keys", "rotate", "--folder", temp.toString());

        assertThat(status).isZero();
        String newPrimary = out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*new primary key (\\d+).*", "$1");
        PersonalDataCipher afterRotation = new PersonalDataCipher(PersonalDataKeys.loadOrCreate(temp));
        assertThat(afterRotation.open(sealedBefore, "orders/1/name")).isEqualTo("Asha Verma");
        assertThat(Long.toString(PersonalDataCipher.keyId(afterRotation.seal("Asha Verma", "orders/1/name"))))
                .isEqualTo(newPrimary)
                .isNotEqualTo(Long.toString(PersonalDataCipher.keyId(sealedBefore)));
    }

    @Test
    void saysWhyWhenTheFolderCannotBeWritten() throws Exception {
        // a plain file where the folder would be: nobody, root included, can make a keyset inside it
        Path notAFolder = Files.writeString(temp.resolve("keys"), "");

        int status = cli.execute("keys", "create", "--folder", notAFolder.toString());

        assertThat(status).isEqualTo(ExitStatus.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("routeplan keys: cannot write the personal data keyset "
                + notAFolder.resolve(PersonalDataKeys.CIPHER_FILE), "routeplan keys create");
    }

    @Test
    void showsItsUsageWithoutACommand() {
        int status = cli.execute("keys");

        assertThat(status).isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("create", "rotate", "routeplan.privacy.key-folder");
    }
}
