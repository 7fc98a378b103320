package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TokenCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RouteplanCommandLine cli = new RouteplanCommandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    @Test
    void printsATokenOfTheLocalClientWithTheRoleAndKeepsItsKeyPrivate() throws Exception {
        Path key = temp.resolve("keys/signing-key.json");

        int status = cli.execute("token", "--role", "OPS", "--routeplan.security.signing-key=" + key);

        assertThat(status).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        JsonNode claims = JsonMapper.builder().build()
                .readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("OPS");
        assertThat(claims.get("sub").asString()).isEqualTo("local-ops");
        assertThat(claims.get("aud").toString()).contains("\"routeplan\"");
        assertThat(claims.get("exp").asLong()).isGreaterThan(claims.get("iat").asLong());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void recordsEachTokenItPrintsInTheSpoolBesideTheKeyWithoutTheToken() throws Exception {
        Path key = temp.resolve("keys/signing-key.json");

        int status = cli.execute("token", "--role", "PLANNER", "--routeplan.security.signing-key=" + key);

        assertThat(status).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        JsonNode claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        String jti = claims.get("jti").asString();
        Path spool = temp.resolve("keys/token-spool");
        try (Stream<Path> files = Files.list(spool)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("one record, no temporary file left")
                    .containsExactly(jti + ".json");
        }
        String written = Files.readString(spool.resolve(jti + ".json"));
        JsonNode record = JsonMapper.builder().build().readTree(written);
        assertThat(record.get("jti").asString()).isEqualTo(jti);
        assertThat(record.get("role").asString()).isEqualTo("PLANNER");
        assertThat(record.get("subject").asString()).isEqualTo("local-planner");
        assertThat(record.get("osUser").asString()).isEqualTo(System.getProperty("user.name"));
        assertThat(Instant.parse(record.get("issuedAt").asString())).isEqualTo(Instant.ofEpochSecond(claims.get("iat").asLong()));
        assertThat(Instant.parse(record.get("expiresAt").asString())).isEqualTo(Instant.ofEpochSecond(claims.get("exp").asLong()));
        assertThat(written).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.resolve(jti + ".json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void printsNoTokenWhenItsRecordCannotBeWritten() throws Exception {
        Path key = temp.resolve("keys/signing-key.json");
        // a plain file where the spool folder would be: nobody, root included, can write a record into it
        Files.createDirectories(key.getParent());
        Files.writeString(key.getParent().resolve("token-spool"), "not a folder");

        int status = cli.execute("token", "--role", "OPS", "--routeplan.security.signing-key=" + key);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan token: cannot record the token for the audit log in "
                + key.getParent().resolve("token-spool") + ": a file that is not a folder is in the way; no token printed"
                + System.lineSeparator());
    }

    @Test
    void printsNoTokenWhenTheSpoolFolderIsReadOnly() throws Exception {
        Path key = temp.resolve("keys/signing-key.json");
        Path spool = Files.createDirectories(key.getParent().resolve("token-spool"));
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("r-x------"));
        assumeFalse(Files.isWritable(spool), "root writes into a read-only folder all the same");

        int status = cli.execute("token", "--role", "OPS", "--routeplan.security.signing-key=" + key);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot record the token for the audit log in " + spool,
                "no token printed");
    }

    @Test
    void refusesWhenAnExternalIssuerIsConfigured() {
        int status = cli.execute("token", "--role", "OPS", "--routeplan.security.issuer=https://login.example.org/realm",
                "--routeplan.security.signing-key=" + temp.resolve("key.json"));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tokens come from https://login.example.org/realm");
        assertThat(temp.resolve("key.json")).doesNotExist();
    }

    @Test
    void refusesAnUnknownRoleListingTheRoles() {
        int status = cli.execute("token", "--role", "DRIVER");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("OPS", "PLANNER", "COMPLIANCE", "ADMIN");
    }
}
