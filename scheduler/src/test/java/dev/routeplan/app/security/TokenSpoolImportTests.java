package dev.routeplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.cli.RouteplanCommandLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens printed by {@code routeplan token} reaching the audit log: the service (with a signing key
 * of its own, and so a spool of its own) imports at start-up the records the command left beside
 * the key; the other tests drive an import of their own over a second spool, so that what the
 * service did by itself is told apart from what a test asked for.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class TokenSpoolImportTests {

    static final Path KEY = keyFolder().resolve("jwt-signing-key.json");
    /** The service's spool, beside its key. */
    static final TokenSpool SERVICE_SPOOL = new TokenSpool(KEY.getParent().resolve(TokenSpool.FOLDER_NAME));
    /** The spool beside another key, which only the tests' own import reads. */
    static final Path OTHER_KEY = keyFolder().resolve("jwt-signing-key.json");
    static final TokenSpool SPOOL = new TokenSpool(OTHER_KEY.getParent().resolve(TokenSpool.FOLDER_NAME));
    /** Printed while the service was down: on the folder before the service starts. */
    static final TokenSpool.Entry PRINTED_BEFORE_START = entry("night-operator", Role.OPS);

    static {
        SERVICE_SPOOL.write(PRINTED_BEFORE_START);
    }

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) {
        registry.add("routeplan.security.signing-key", KEY::toString);
    }

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @Test
    void importsAtStartUpWhatWasPrintedWhileTheServiceWasDown() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !rows(PRINTED_BEFORE_START.jti()).isEmpty());

        Map<String, Object> row = rows(PRINTED_BEFORE_START.jti()).get(0);
        assertThat(row).containsEntry("subject", "night-operator").containsEntry("roles", "OPS")
                .containsEntry("action", "TOKEN_ISSUE").containsEntry("outcome", "SUCCEEDED").containsEntry("client", "local");
        assertThat((String) row.get("detail")).contains("printed by routeplan token", "local-ops",
                "valid until " + PRINTED_BEFORE_START.expiresAt());
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(SERVICE_SPOOL.folder()
                .resolve(PRINTED_BEFORE_START.jti() + ".json")));
    }

    @Test
    void putsATokenTheCommandPrintedOnTheAuditLogUnderTheOsUserAndNeverTheToken() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new RouteplanCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .execute("token", "--role", "COMPLIANCE", "--routeplan.security.signing-key=" + OTHER_KEY);
        assertThat(status).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        String jti = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                .get("jti").asString();

        spoolImport().importPending();

        String osUser = System.getProperty("user.name");
        mvc.perform(get("/api/v1/audit").param("action", "TOKEN_ISSUE").param("subject", osUser).param("size", "500")
                        .with(tokens.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[?(@.target == 'cli token " + jti + "')].roles[0]").value("COMPLIANCE"));
        assertThat(rows(jti)).singleElement().satisfies(row -> assertThat((String) row.get("detail"))
                .contains("printed by routeplan token: local-compliance (COMPLIANCE) for OS user " + osUser)
                .doesNotContain(token));
        assertThat(SPOOL.folder().resolve(jti + ".json")).doesNotExist();
    }

    @Test
    void importsARecordOnceAndDeletesItEvenWhenItComesAgain() throws Exception {
        TokenSpool.Entry printed = entry("day-operator", Role.ADMIN);
        SPOOL.write(printed);

        spoolImport().importPending();
        assertThat(rows(printed.jti())).hasSize(1);
        assertThat(record(printed)).doesNotExist();

        // the same record again, as after a delete that failed once the row was committed
        SPOOL.write(printed);
        spoolImport().importPending();

        assertThat(rows(printed.jti())).as("one row per jti").hasSize(1);
        assertThat(record(printed)).doesNotExist();
    }

    @Test
    void setsAsideAMalformedRecordWithAWarningAndImportsTheOthers(CapturedOutput log) throws Exception {
        Files.createDirectories(SPOOL.folder());
        Path malformed = Files.writeString(SPOOL.folder().resolve(UUID.randomUUID() + ".json"), "{\"jti\": \"half a rec");
        String jti = UUID.randomUUID().toString();
        Path wrongRole = Files.writeString(SPOOL.folder().resolve(jti + ".json"), "{\"jti\":\"" + jti + "\",\"role\":\"DRIVER\","
                + "\"subject\":\"local-driver\",\"osUser\":\"x\",\"issuedAt\":\"2026-12-01T10:00:00Z\","
                + "\"expiresAt\":\"2026-12-01T11:00:00Z\"}");
        TokenSpool.Entry good = entry("evening-operator", Role.PLANNER);
        SPOOL.write(good);

        TokenSpoolImport spoolImport = spoolImport();
        spoolImport.importPending();
        TokenSpoolImport.Pass again = spoolImport.importPending();

        assertThat(malformed).doesNotExist();
        assertThat(malformed.resolveSibling(malformed.getFileName() + ".bad")).as("kept for a person").exists();
        assertThat(wrongRole).doesNotExist();
        assertThat(wrongRole.resolveSibling(wrongRole.getFileName() + ".bad")).exists();
        assertThat(rows(jti)).isEmpty();
        assertThat(rows(good.jti())).hasSize(1);
        assertThat(again).as("set aside, not retried").isEqualTo(new TokenSpoolImport.Pass(0, 0, 0));
        assertThat(log.getAll()).contains("WARN").contains(malformed.toString(), "not JSON")
                .contains(wrongRole.toString(), "role DRIVER is not a role");
    }

    @Test
    void putsAUserTheCommandAddedAndRemovedOnTheAuditLogOnceEachUnderTheOsUserAndNeverThePassword() throws Exception {
        String name = "asha-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery";
        assertThat(userCommand(password + "\n", "user", "add", name, "--role", "PLANNER", "--role", "OPS", "--password-stdin"))
                .isZero();
        assertThat(userCommand("", "user", "remove", name)).isZero();
        List<TokenSpool.Spooled> recorded = new ArrayList<>();
        for (Path file : SPOOL.pending()) {
            recorded.add(SPOOL.read(file));
        }

        TokenSpoolImport spoolImport = spoolImport();
        TokenSpoolImport.Pass first = spoolImport.importPending();
        // the same records again, as after a delete that failed once the rows were committed
        recorded.forEach(SPOOL::write);
        TokenSpoolImport.Pass again = spoolImport.importPending();

        assertThat(first.imported()).isEqualTo(2);
        assertThat(again).isEqualTo(new TokenSpoolImport.Pass(0, 2, 0));
        assertThat(SPOOL.pending()).isEmpty();
        String osUser = System.getProperty("user.name");
        List<Map<String, Object>> rows = userRows(name);
        assertThat(rows).as("one row per change").extracting(row -> row.get("action")).containsExactly("USER_ADD", "USER_REMOVE");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("subject", osUser).containsEntry("roles", "")
                .containsEntry("client", "local").containsEntry("outcome", "SUCCEEDED"));
        assertThat((String) rows.get(0).get("detail")).startsWith("added with roles OPS,PLANNER by routeplan user (record ");
        assertThat((String) rows.get(1).get("detail")).startsWith("removed, had roles OPS,PLANNER by routeplan user (record ");
        assertThat(rows).allSatisfy(row -> assertThat((String) row.get("detail")).doesNotContain(password)
                .doesNotContain("bcrypt"));
        mvc.perform(get("/api/v1/audit").param("action", "USER_ADD").param("subject", osUser).param("size", "500")
                        .with(tokens.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[?(@.target == 'console user " + name + "')].action").value("USER_ADD"));
    }

    @Test
    void namesTheCommandLineWhenTheOsUserIsUnknownAndKeepsAUserAddedAgainAsARowOfItsOwn() throws Exception {
        String name = "ravi-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TokenSpool.UserChange added = new TokenSpool.UserChange(UUID.randomUUID().toString(), AuditAction.USER_ADD, name,
                Set.of(Role.COMPLIANCE), null, at);
        TokenSpool.UserChange addedAgain = new TokenSpool.UserChange(UUID.randomUUID().toString(), AuditAction.USER_ADD, name,
                Set.of(Role.COMPLIANCE), "", at);
        SPOOL.write(added);
        SPOOL.write(addedAgain);

        spoolImport().importPending();

        assertThat(userRows(name)).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("subject", "command line")
                .containsEntry("action", "USER_ADD"));
    }

    @Test
    void setsAsideAMalformedUserRecordWithAWarning(CapturedOutput log) throws Exception {
        Files.createDirectories(SPOOL.folder());
        String id = UUID.randomUUID().toString();
        Path wrongRole = Files.writeString(SPOOL.folder().resolve(id + ".json"), "{\"kind\":\"USER_ADD\",\"id\":\"" + id
                + "\",\"name\":\"asha\",\"roles\":[\"DRIVER\"],\"osUser\":\"x\",\"at\":\"2026-12-01T10:00:00Z\"}");
        String otherId = UUID.randomUUID().toString();
        Path unknownKind = Files.writeString(SPOOL.folder().resolve(otherId + ".json"), "{\"kind\":\"USER_RENAME\",\"id\":\""
                + otherId + "\",\"name\":\"asha\",\"roles\":[\"OPS\"],\"at\":\"2026-12-01T10:00:00Z\"}");

        TokenSpoolImport spoolImport = spoolImport();
        TokenSpoolImport.Pass first = spoolImport.importPending();
        TokenSpoolImport.Pass again = spoolImport.importPending();

        assertThat(first).isEqualTo(new TokenSpoolImport.Pass(0, 0, 2));
        assertThat(again).as("set aside, not retried").isEqualTo(new TokenSpoolImport.Pass(0, 0, 0));
        assertThat(wrongRole.resolveSibling(wrongRole.getFileName() + ".bad")).as("kept for a person").exists();
        assertThat(unknownKind.resolveSibling(unknownKind.getFileName() + ".bad")).exists();
        assertThat(userRows("asha")).isEmpty();
        assertThat(log.getAll()).contains(wrongRole.toString(), "roles DRIVER is not a role")
                .contains(unknownKind.toString(), "kind USER_RENAME is not one of");
    }

    /** Runs {@code routeplan user ...} on the key of {@link #SPOOL}, {@code stdin} its input. */
    private static int userCommand(String stdin, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--routeplan.security.signing-key=" + OTHER_KEY))
                .toArray(String[]::new);
        return new RouteplanCommandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), System.out,
                System.err, Map.of()).execute(all);
    }

    private List<Map<String, Object>> userRows(String name) {
        return jdbc.sql("select subject, roles, action, target, client, outcome, detail from audit_log where target = ? order by at, id")
                .param("console user " + name).query().listOfRows();
    }

    /** An import over {@link #SPOOL}, as the service's is over its own. */
    private TokenSpoolImport spoolImport() {
        return new TokenSpoolImport(new SecurityProperties(null, null, "routeplan", OTHER_KEY, Duration.ofHours(1), null, null),
                auditLog);
    }

    private static TokenSpool.Entry entry(String osUser, Role role) {
        Instant issued = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new TokenSpool.Entry(UUID.randomUUID().toString(), role, "local-" + role.name().toLowerCase(), osUser, issued,
                issued.plus(Duration.ofHours(1)));
    }

    private static Path record(TokenSpool.Entry entry) {
        return SPOOL.folder().resolve(entry.jti() + ".json");
    }

    private List<Map<String, Object>> rows(String jti) {
        return jdbc.sql("select subject, roles, action, target, client, outcome, detail from audit_log where target = ?")
                .param("cli token " + jti).query().listOfRows();
    }

    private static Path keyFolder() {
        try {
            return Files.createTempDirectory("routeplan-token-spool").resolve("keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
