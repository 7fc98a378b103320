package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UserCommandTests {

    private static final String PASSWORD = "correct horse battery";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    private int user(String stdin, String... args) {
        out.reset();
        err.reset();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--routeplan.security.signing-key=" + key()))
                .toArray(String[]::new);
        return new RouteplanCommandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).execute(all);
    }

    private Path key() {
        return temp.resolve("keys/signing-key.json");
    }

    private Path usersFile() {
        return temp.resolve("keys/console-users.json");
    }

    @Test
    void addsListsAndRemovesAUser() {
        assertThat(user(PASSWORD + "\n", "user", "add", "asha", "--role", "OPS", "--password-stdin")).isZero();
        assertThat(user(PASSWORD + "\n", "user", "add", "ravi", "--role", "PLANNER", "--role", "COMPLIANCE",
                "--password-stdin")).isZero();

        assertThat(user("", "user", "list")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("NAME").contains("ROLES", "CREATED");
        assertThat(lines[1]).startsWith("asha").contains("OPS").containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\+05:30");
        assertThat(lines[2]).startsWith("ravi").contains("PLANNER,COMPLIANCE");

        assertThat(user("", "user", "remove", "asha")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("removed asha");
        assertThat(user("", "user", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("asha").contains("ravi");
    }

    @Test
    void keepsOnlyABcryptHashOfThePasswordInAFileOnlyItsOwnerReads() throws Exception {
        assertThat(user(PASSWORD + "\n", "user", "add", "asha", "--role", "ADMIN", "--password-stdin")).isZero();

        String written = Files.readString(usersFile());
        assertThat(written).doesNotContain(PASSWORD).doesNotContain("correct");
        JsonNode asha = JsonMapper.builder().build().readTree(written).get("users").get(0);
        String hash = asha.get("passwordHash").asString();
        assertThat(hash).startsWith("{bcrypt}$2a$");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(PASSWORD, hash)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(usersFile()))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(usersFile().getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).as("no temporary file left")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void refusesANameThatIsTaken() throws Exception {
        assertThat(user(PASSWORD + "\n", "user", "add", "asha", "--role", "OPS", "--password-stdin")).isZero();
        String before = Files.readString(usersFile());

        int status = user("another password\n", "user", "add", "asha", "--role", "ADMIN", "--password-stdin");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("user asha exists already");
        assertThat(Files.readString(usersFile())).isEqualTo(before);
    }

    @Test
    void refusesARoleThatIsNotAPersonsAsAUsageError() {
        int status = user(PASSWORD + "\n", "user", "add", "asha", "--role", "DRIVER", "--password-stdin");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--role DRIVER is not a console role: one of OPS, PLANNER, COMPLIANCE, ADMIN");
        assertThat(user(PASSWORD + "\n", "user", "add", "asha", "--role", "METRICS", "--password-stdin")).isEqualTo(2);
        assertThat(usersFile()).doesNotExist();
    }

    @Test
    void neverTakesThePasswordAsAnArgument() {
        assertThat(user("", "user", "add", "asha", "--role", "OPS", "--password", PASSWORD)).isEqualTo(2);
        assertThat(user("", "user", "add", "asha", "--role", "OPS")).as("without --password-stdin").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--password-stdin is required");
        assertThat(usersFile()).doesNotExist();
    }

    @Test
    void refusesAShortPasswordAndAnEmptyStdin() {
        assertThat(user("short\n", "user", "add", "asha", "--role", "OPS", "--password-stdin")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12 characters");
        assertThat(user("", "user", "add", "asha", "--role", "OPS", "--password-stdin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no password on stdin");
        assertThat(usersFile()).doesNotExist();
    }

    @Test
    void refusesToRemoveAUserThatDoesNotExist() {
        assertThat(user("", "user", "remove", "nobody")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no user nobody");
    }

    @Test
    void recordsEachAddAndRemoveForTheAuditLogBesideTheKeyWithoutThePassword() throws Exception {
        assertThat(user(PASSWORD + "\n", "user", "add", "asha", "--role", "PLANNER", "--role", "OPS", "--password-stdin"))
                .isZero();
        assertThat(user("", "user", "remove", "asha")).isZero();

        List<Path> records = records();
        assertThat(records).hasSize(2);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> byKind = records.stream().map(file -> json.readTree(read(file)))
                .collect(Collectors.toMap(record -> record.get("kind").asString(), record -> record));
        assertThat(byKind).containsOnlyKeys("USER_ADD", "USER_REMOVE");
        for (JsonNode record : byKind.values()) {
            assertThat(record.get("name").asString()).isEqualTo("asha");
            assertThat(record.get("roles").toString()).isEqualTo("[\"OPS\",\"PLANNER\"]");
            assertThat(record.get("osUser").asString()).isEqualTo(System.getProperty("user.name"));
            assertThat(Instant.parse(record.get("at").asString())).isBetween(Instant.now().minusSeconds(60), Instant.now());
            assertThat(spool().resolve(record.get("id").asString() + ".json")).as("named by its id").exists();
        }
        assertThat(byKind.get("USER_ADD").get("id")).isNotEqualTo(byKind.get("USER_REMOVE").get("id"));
        for (Path record : records) {
            assertThat(read(record)).doesNotContain(PASSWORD).doesNotContain("correct").doesNotContain("bcrypt")
                    .doesNotContain("$2a$");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool()))).isEqualTo("rwx------");
    }

    @Test
    void addsNoUserWhenTheChangeCannotBeRecorded() throws Exception {
        // a plain file where the spool folder would be: nobody, root included, can write a record into it
        Files.createDirectories(spool().getParent());
        Files.writeString(spool(), "not a folder");

        int status = user(PASSWORD + "\n", "user", "add", "asha", "--role", "OPS", "--password-stdin");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan user: cannot record the change to console user"
                + " asha for the audit log in " + spool() + ": a file that is not a folder is in the way; nothing changed"
                + System.lineSeparator());
        assertThat(user("", "user", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("asha not added").contains("no console users");
    }

    @Test
    void removesNoUserWhenTheChangeCannotBeRecorded() throws Exception {
        assertThat(user(PASSWORD + "\n", "user", "add", "asha", "--role", "OPS", "--password-stdin")).isZero();
        String before = Files.readString(usersFile());
        // the service took the record of the add; then a plain file came where the spool folder was
        for (Path record : records()) {
            Files.delete(record);
        }
        Files.delete(spool());
        Files.writeString(spool(), "not a folder");

        int status = user("", "user", "remove", "asha");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot record the change to console user asha for the audit log in "
                + spool(), "nothing changed");
        assertThat(Files.readString(usersFile())).as("asha may still sign in").isEqualTo(before);
    }

    @Test
    void recordsNothingForAChangeRefusedOrAList() throws Exception {
        assertThat(user("", "user", "remove", "nobody")).isEqualTo(1);
        assertThat(user("short\n", "user", "add", "asha", "--role", "OPS", "--password-stdin")).isEqualTo(1);
        assertThat(user("", "user", "list")).isZero();

        assertThat(records()).isEmpty();
    }

    private Path spool() {
        return temp.resolve("keys/token-spool");
    }

    private List<Path> records() throws IOException {
        if (!Files.isDirectory(spool())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool())) {
            return files.toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusesWhenAnExternalIssuerIsConfigured() {
        int status = user(PASSWORD + "\n", "user", "add", "asha", "--role", "OPS", "--password-stdin",
                "--routeplan.security.issuer=https://login.example.org/realm");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("console users come from https://login.example.org/realm", "add them in that provider");
        assertThat(usersFile()).doesNotExist();
    }
}
