package dev.routeplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No secret in the repository: every file git tracks, or would add (untracked and not ignored), is
 * scanned for private keys, cloud and chat tokens, signed tokens and private JWKs; outside the tests,
 * every setting named like a password, secret, token or key holds nothing, a placeholder or a
 * reference to where the value comes from at run time (an environment variable, a CI secret).
 */
class RepositorySecretsTests {

    /** Shapes that are a secret wherever they appear, tests included. */
    private static final List<Pattern> SECRET_SHAPES = List.of(
            Pattern.compile("-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),                                   // AWS access key id
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}"), // GitHub tokens
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}|hooks\\.slack\\.com/services/T[A-Z0-9]+/"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),                              // Google API key
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), // a signed JWT
            Pattern.compile("\"d\"\\s*:\\s*\"[A-Za-z0-9_-]{40,}\""));                   // a JWK's private part

    /** {@code key: value} or {@code key=value}, the key naming a secret. */
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "^\\s*(?:export\\s+|-\\s+)?[\"']?([\\w.-]*(?i:password|passwd|passphrase|secret|token|cipher[-_.]?pass|api[-_.]?key|private[-_.]?key)"
                    + "[\\w.-]*)[\"']?\\s*[:=]\\s*(.*)$");
    /** Keys that name where a secret is, not the secret: secretName, secretKeyRef, token-url, SECRETS_DIR, ... */
    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(name|ref|file|dir|path|url|uri|hash|header|id|location|ttl|type)$");
    /** Values that hold no secret: nothing, a placeholder, or where the value comes from. */
    private static final Pattern NO_SECRET = Pattern.compile("^([\"']?\\s*[\"']?|[\"']?CHANGE_ME[\"']?|[\"']?\\$.*|[\"']?\\{\\{.*|<.*>|\\|.*|>.*)$");
    private static final Set<String> SETTINGS_FILES = Set.of("yaml", "yml", "properties", "env", "conf", "json", "toml");

    @Test
    void noFileHoldsAPrivateKeyATokenOrASignedJwt() {
        List<String> found = new ArrayList<>();
        for (String file : files()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern shape : SECRET_SHAPES) {
                    if (shape.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + " looks like " + shape.pattern());
                    }
                }
            }
        }
        assertThat(found).as("secrets in the repository: take them out and rotate them").isEmpty();
    }

    @Test
    void everySettingNamedLikeASecretOutsideTheTestsIsEmptyAPlaceholderOrAReference() {
        List<String> found = new ArrayList<>();
        for (String file : files()) {
            if (file.contains("src/test/") || !isSettingsFile(file)) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String value = secretValue(lines.get(i));
                if (value != null) {
                    found.add(file + ":" + (i + 1) + " sets a secret: " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("settings holding a value: give them a ${VARIABLE}, CHANGE_ME or nothing").isEmpty();
    }

    @Test
    void theScanFindsWhatItIsMeantToFind() {
        assertThat(secretValue("  password: hunter22")).isEqualTo("hunter22");
        assertThat(secretValue("SPRING_MAIL_PASSWORD=s3cr3t")).isEqualTo("s3cr3t");
        assertThat(secretValue("PGBACKREST_REPO1_CIPHER_PASS='a passphrase'")).isEqualTo("'a passphrase'");
        assertThat(secretValue("    password: ${ROUTEPLAN_DB_PASSWORD:}")).isNull();
        assertThat(secretValue("POSTGRES_PASSWORD='CHANGE_ME'")).isNull();
        assertThat(secretValue("ROUTEPLAN_SFTP_PASSWORD=")).isNull();
        assertThat(secretValue("          secretName: routeplan-backup-tls")).isNull();
        assertThat(secretValue("# the password: in the operator's store")).isNull();
        String privateKey = "-----BEGIN " + "PRIVATE KEY-----";
        assertThat(SECRET_SHAPES).anyMatch(shape -> shape.matcher(privateKey).find());
        String awsKey = "AKIA" + "ABCDEFGHIJKLMNOP";
        assertThat(SECRET_SHAPES).anyMatch(shape -> shape.matcher(awsKey).find());
    }

    /** The value a line gives a secret-named setting, or null when it gives none. */
    private static String secretValue(String line) {
        if (line.stripLeading().startsWith("#")) {
            return null;
        }
        Matcher setting = SECRET_SETTING.matcher(line);
        if (!setting.matches() || REFERENCE_KEY.matcher(setting.group(1)).matches()) {
            return null;
        }
        String value = setting.group(2).replaceFirst("\\s+#.*$", "").strip();
        return NO_SECRET.matcher(value).matches() ? null : value;
    }

    private static boolean isSettingsFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return name.startsWith(".env") || name.startsWith("Dockerfile") || (dot > 0 && SETTINGS_FILES.contains(name.substring(dot + 1)));
    }

    /** The files git tracks, and those it would add (untracked, not ignored). */
    private static List<String> files() {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
                    .directory(Repository.root().toFile()).redirectErrorStream(true).start();
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(git.exitValue()).as("git ls-files: %s", out).isZero();
            List<String> files = out.lines().filter(f -> Files.isRegularFile(Repository.file(f))).toList();
            assertThat(files).as("files listed by git").hasSizeGreaterThan(100);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The file's lines, or none for a binary file (a workbook, an image). */
    private static List<String> lines(String file) {
        Path path = Repository.file(file);
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
