package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
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
    void refusesWhenAnExternalIssuerIsConfigured() {
        int status = user(PASSWORD + "\n", "user", "add", "asha", "--role", "OPS", "--password-stdin",
                "--routeplan.security.issuer=https://login.example.org/realm");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("console users come from https://login.example.org/realm", "add them in that provider");
        assertThat(usersFile()).doesNotExist();
    }
}
