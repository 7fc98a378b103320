package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
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
