package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.routeplan.app.plans.SampleDays;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.ProbedServiceTest;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.batch.store.PlanStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's parameters an attacker controls, on a published sample day whose depot D1 was
 * published twice (so D1 and the run-wide files each have a kept first revision). Every download
 * of the console, given a hostile value in any one of its path or query parameters, answers a
 * client error and never the bytes of a file beside the published ones: a file planted in every
 * folder of the day (the date's, its parent the output root, the folder above that, each depot's,
 * the kept revisions' and their parent, the rejects', the staged input's) stays unread whichever
 * way the value is encoded; the same addresses with their real values hand out the published
 * files as they are on disk. Every filter of the runs list and the audit page, the plans and
 * compliance pages' dates and a route's id are data, never SQL: quotes and statements find
 * nothing or are refused naming the field, and change no row of any table.
 *
 * <p>The downloads go to a real server (as {@link ProbedServiceTest} runs it) over a socket of
 * their own, so the address reaches Tomcat byte for byte as sent (no client normalises it), with
 * the session a form sign-in gave. Who refused each case is read off the answer and written to
 * {@code target/console-hostile-parameters.txt}: Tomcat itself (neither {@code X-Request-Id} nor
 * the security headers: no filter of the service saw it), the security firewall (the service's
 * problem JSON from the container's {@code /error}), or the console (a console page, by its
 * title). The filters go through MockMvc with a session of the same person's form sign-in.
 */
@ProbedServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleHostileParametersTests {

    static final LocalDate DATE = LocalDate.of(2027, 5, 19);
    static final String PLANTED = "planted-console-secret-5d1e";
    static final String PERSON = "hostile-console";
    static final String PASSWORD = "a long hostile test password";

    /** Statements and quotes a filter must take as data. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "' OR 1=1 --",
            "'; DROP TABLE audit_log; --",
            "'; DELETE FROM batch_job_execution_params; --",
            "' UNION SELECT table_name FROM information_schema.tables --",
            "1) OR (1=1",
            "\\'; TRUNCATE TABLE routes; --",
            "%' OR subject LIKE '%");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private Path folder;
    private Path published;
    private long runId;
    private String routeId;
    private String session;
    private MockHttpSession signedIn;
    private final Map<String, List<String>> refusedBy = new TreeMap<>();
    private final List<String> cases = new ArrayList<>();
    private final Map<String, Integer> routeIdsRefusedBy = new TreeMap<>();

    /** A download of the console: its address with a {@code {slot}} per parameter, their real values and the file they name. */
    record Download(String template, Map<String, String> real, Path file) {

        String address(String slot, String value) {
            String address = template;
            for (Map.Entry<String, String> parameter : real.entrySet()) {
                address = address.replace("{" + parameter.getKey() + "}",
                        parameter.getKey().equals(slot) ? value : parameter.getValue());
            }
            return address;
        }

        String address() {
            return address(null, null);
        }

        @Override
        public String toString() {
            return template;
        }
    }

    /** One hostile case: a download with the value in one of its parameters. */
    record Case(Download download, String slot, String value, String address) {

        @Override
        public String toString() {
            String shown = address.length() > 120 ? address.substring(0, 100) + "…(" + address.length() + " chars)" : address;
            return slot + ": " + shown;
        }
    }

    @BeforeAll
    void publishTheSampleDayTwiceAndPlantFilesEverywhere(@Autowired PlanRuns runs, @Autowired PlanStore plans,
                                                        @Autowired SecurityProperties security) throws Exception {
        folder = Files.createTempDirectory("routeplan-console-hostile");
        published = SampleDays.publish(runs, DATE, folder);
        runId = runs.latestExecution("nightlyPlanJob", DATE).orElseThrow().getId();
        SampleDays.withdrawARouteAndRepublish(runs, plans, DATE, "D1");
        routeId = jdbc.sql("select vehicle_id from routes where plan_date = ? order by depot_id, vehicle_id")
                .param(DATE).query(String.class).list().get(0);
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.writeString(dir.resolve("secret.txt"), PLANTED, StandardCharsets.UTF_8);
            }
        }

        new ConsoleTestUsers(security).replace(PERSON, Set.of(Role.OPS, Role.PLANNER, Role.COMPLIANCE, Role.ADMIN), PASSWORD);
        session = signInToTheServer();
        signedIn = (MockHttpSession) mvc.perform(formLogin("/login").user(PERSON).password(PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @AfterAll
    void deleteItsFilesAndSayWhoRefusedWhat() throws Exception {
        SampleDays.delete(folder);
        System.out.println("Console downloads under hostile values, by who refused them:");
        refusedBy.forEach((who, these) -> System.out.println("  " + these.size() + " " + who));
        System.out.println("Route ids with statements in them: " + routeIdsRefusedBy);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/console-hostile-parameters.txt"), cases);
    }

    List<Download> downloads() {
        String date = DATE.toString();
        return List.of(
                new Download("/plans/{date}/files/{name}", ordered("date", date, "name", "plan-all-depots.xlsx"),
                        published.resolve("plan-all-depots.xlsx")),
                new Download("/plans/{date}/files/{name}?revision={revision}",
                        ordered("date", date, "name", "compliance-report.pdf", "revision", "1"),
                        published.resolve("revisions/r1/compliance-report.pdf")),
                new Download("/plans/{date}/depots/{depot}/files/{name}",
                        ordered("date", date, "depot", "D1", "name", "plan-D1.xlsx"), published.resolve("D1/plan-D1.xlsx")),
                new Download("/plans/{date}/depots/{depot}/files/{name}?revision={revision}",
                        ordered("date", date, "depot", "D1", "name", "plan-D1.xlsx", "revision", "1"),
                        published.resolve("D1/revisions/r1/plan-D1.xlsx")),
                new Download("/runs/{id}/rejects/{name}", ordered("id", String.valueOf(runId), "name", "orders.csv.rejects.xlsx"),
                        published.resolve("rejects/orders.csv.rejects.xlsx")),
                new Download("/compliance/files/{name}?date={date}", ordered("name", "compliance-report.pdf", "date", date),
                        published.resolve("compliance-report.pdf")));
    }

    /** What a client may send in a parameter to reach a file beside the published ones, as it goes on the wire. */
    List<String> hostileValues() {
        return List.of(
                "..",
                "../../secret.txt",
                "..%2F..%2Fsecret.txt",
                "%2e%2e%2f%2e%2e%2fsecret.txt",
                "%252e%252e%252fsecret.txt",
                "..%5C..%5Csecret.txt",
                "..\\..\\secret.txt",
                // the planted file's absolute path, its slashes encoded
                published.resolve("secret.txt").toAbsolutePath().toString().replace("/", "%2F"),
                "secret.txt%00.pdf",
                "secret.txt",
                "..;/..;/secret.txt",
                // '../' as overlong UTF-8
                "%c0%ae%c0%ae%c0%afsecret.txt",
                "..%2F".repeat(400) + "secret.txt",
                "a".repeat(300) + ".xlsx");
    }

    /** Every download with each hostile value in each of its parameters in turn, the others real. */
    Stream<Case> hostileCases() {
        return downloads().stream().flatMap(download -> download.real().keySet().stream()
                .flatMap(slot -> hostileValues().stream().map(value -> new Case(download, slot, value, download.address(slot, value)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileCases")
    void answersAClientErrorAndNeverAFileBesideThePublishedOnes(Case hostile) throws Exception {
        Answer answer = send(hostile.address());

        String who = refuser(answer);
        refusedBy.computeIfAbsent(answer.status() + " by " + who, k -> new ArrayList<>()).add(hostile.toString());
        cases.add(hostile.slot() + "\t" + answer.status() + "\t" + who + "\t" + answer.header("content-type") + "\t"
                + hostile.address());
        assertThat(answer.text()).doesNotContain(PLANTED).doesNotContain("root:");
        assertThat(answer.status()).as("status of %s (%s)", hostile, who).isIn(400, 404);
        assertThat(who).as("who refused %s", hostile).doesNotStartWith("nobody known");
    }

    Stream<Download> realDownloads() {
        return downloads().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realDownloads")
    void handsOutTheRealFileAtTheSameAddressWithThePlantedFileBesideAndAboveIt(Download download) throws Exception {
        assertThat(download.file().resolveSibling("secret.txt")).hasContent(PLANTED);
        assertThat(download.file().getParent().resolveSibling("secret.txt")).hasContent(PLANTED);
        byte[] onDisk = Files.readAllBytes(download.file());

        Answer answer = send(download.address());

        assertThat(answer.status()).as("status of %s", download.address()).isEqualTo(200);
        assertThat(sha256(answer.body())).isEqualTo(sha256(onDisk));
        if (download.real().containsKey("revision")) {
            assertThat(sha256(onDisk)).as("the kept revision is not the current file")
                    .isNotEqualTo(sha256(Files.readAllBytes(download.file().getParent().getParent().resolveSibling(
                            download.file().getFileName().toString()))));
        }
        assertThat(answer.header("content-disposition")).startsWith("attachment")
                .contains(download.file().getFileName().toString());
    }

    @Test
    void takesEveryRunsListFilterAsDataNeverAsSql() throws Exception {
        Map<String, Long> before = rowCounts();
        String ofTheDate = runsTable(page("/runs", Map.of("from", DATE.toString(), "to", DATE.toString()), 200));
        assertThat(ofTheDate).contains("id=\"run-" + runId + "\"");

        Map<String, String> real = ordered("status", "COMPLETED", "from", DATE.toString(), "to", DATE.toString(), "page", "0");
        for (String field : real.keySet()) {
            for (String value : injected(real.get(field))) {
                String text = text(page("/runs", Map.of(field, value), field.equals("page") ? 400 : 200));
                if (field.equals("page")) {
                    assertThat(text).contains("The address has page \"" + value + "\", which is not one.");
                } else {
                    assertThat(text).contains(field.equals("status") ? "status " + value + " is not a status of a run"
                            : field + " " + value + " is not a date like 2026-12-01").contains("No runs match.");
                }
            }
        }

        assertThat(runsTable(page("/runs", Map.of("from", DATE.toString(), "to", DATE.toString()), 200))).isEqualTo(ofTheDate);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void takesEveryAuditFilterAsDataNeverAsSql() throws Exception {
        Map<String, Long> before = rowCounts();
        String subject = jdbc.sql("select subject from audit_log group by subject order by count(*) desc, subject fetch first 1 rows only")
                .query(String.class).single();
        String rows = text(page("/audit", Map.of("subject", subject), 200));
        assertThat(rows).doesNotContain("No audit rows match.").contains(subject);

        Map<String, String> real = ordered("action", "DOWNLOAD", "subject", subject, "outcome", "SUCCEEDED",
                "from", DATE.toString(), "to", DATE.toString(), "page", "0");
        for (String field : real.keySet()) {
            for (String value : injected(real.get(field))) {
                String text = text(page("/audit", Map.of(field, value), field.equals("page") ? 400 : 200));
                switch (field) {
                    case "page" -> assertThat(text).contains("The address has page \"" + value + "\", which is not one.");
                    case "subject" -> assertThat(text).contains("No audit rows match.");
                    case "action", "outcome" -> assertThat(text).contains(field + " " + value + " is not one of the log's",
                            "No audit rows match.");
                    default -> assertThat(text).contains(field + " " + value + " is not a date like 2026-12-01",
                            "No audit rows match.");
                }
            }
        }

        assertThat(text(page("/audit", Map.of("subject", subject), 200))).isEqualTo(rows);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void takesThePlansAndComplianceDatesAndARoutesIdAsDataNeverAsSql() throws Exception {
        Map<String, Long> before = rowCounts();
        assertThat(page("/plans", Map.of("date", DATE.toString()), 200)).contains("depot-card");
        assertThat(page("/compliance", Map.of("date", DATE.toString()), 200)).doesNotContain("id=\"date-error\"");
        assertThat(text(page("/compliance/routes/" + routeId, Map.of("date", DATE.toString()), 200))).contains(routeId);

        for (String value : injected(DATE.toString())) {
            assertThat(text(page("/plans", Map.of("date", value), 400)))
                    .contains("“" + value.strip() + "” is not a date like 2026-12-01.").doesNotContain("depot-card");
            assertThat(text(between(page("/compliance", Map.of("date", value), 200), "id=\"date-error\"", "</p>")))
                    .contains(value.strip() + " is not a date like 2026-12-01");
            assertThat(text(page("/compliance/routes/" + routeId, Map.of("date", value), 400)))
                    .contains("Cannot show that", value.strip() + " is not a date like 2026-12-01.");
        }
        for (String value : injected(routeId)) {
            MockHttpServletResponse response = mvc.perform(get("/compliance/routes/{id}", value).param("date", DATE.toString())
                    .session(signedIn)).andReturn().getResponse();
            if (response.getStatus() == 400) {
                // a ';', '%' or '\' in a path: the firewall refuses the address before any page (nothing to name but the address)
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(routeId);
                routeIdsRefusedBy.merge("400 by the firewall", 1, Integer::sum);
            } else {
                assertThat(response.getStatus()).as("route %s", value).isEqualTo(404);
                assertThat(text(response.getContentAsString(StandardCharsets.UTF_8)))
                        .contains("There is no route " + value + " in the plan of " + DATE + ".");
                routeIdsRefusedBy.merge("404 by the console", 1, Integer::sum);
            }
        }

        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Each statement alone, and after the parameter's real value (so a parser that takes a prefix is tried too). */
    private static List<String> injected(String real) {
        List<String> values = new ArrayList<>(INJECTIONS);
        INJECTIONS.forEach(injection -> values.add(real + injection));
        return values;
    }

    /** The rows of every table of the schema, by table: what "changed nothing" means. */
    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        assertThat(tables).contains("audit_log", "batch_job_execution", "batch_job_execution_params", "routes", "artifacts");
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        assertThat(counts.get("routes")).isPositive();
        return counts;
    }

    private String page(String path, Map<String, String> parameters, int status) throws Exception {
        var request = get(path).session(signedIn);
        parameters.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("status of %s %s", path, parameters).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Signs in with the form as a browser does: the sign-in page's CSRF token, then the session it ends with. */
    private String signInToTheServer() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
        String body = "username=" + URLEncoder.encode(PERSON, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** An answer as it came over the wire. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body read both ways (the planted text is ASCII: either finds it, whatever the answer's charset). */
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A GET of the address exactly as given (no client normalises or encodes it), with the signed-in session. */
    private Answer send(String address) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + address + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: JSESSIONID=" + session
                    + "\r\nAccept: text/html,*/*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] raw) {
        String head = new String(raw, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: %s", head).isPositive();
        String[] lines = head.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk without its line end");
    }

    /**
     * Who answered: Tomcat itself (no filter of the service ran, so no {@code X-Request-Id}); the
     * container's {@code /error} (the service's problem JSON: a request the security firewall
     * refused, else one no handler took); or a console page, by its title.
     */
    private static String refuser(Answer answer) {
        if (answer.header("x-request-id") == null && answer.header("content-security-policy") == null) {
            return "Tomcat (before any filter)";
        }
        String type = answer.header("content-type") == null ? "" : answer.header("content-type");
        if (type.startsWith("application/problem+json")) {
            return answer.status() == 400 ? "Spring Security's StrictHttpFirewall (problem JSON on /error)"
                    : "Spring MVC, no handler (problem JSON on /error)";
        }
        if (type.startsWith("text/html")) {
            Matcher title = Pattern.compile("<h1[^>]*>([^<]*)</h1>").matcher(answer.text());
            return "the console: \"" + (title.find() ? HtmlUtils.htmlUnescape(title.group(1).strip()) : "?") + "\" page";
        }
        return "nobody known (" + type + ")";
    }

    @SafeVarargs
    private static <T> Map<T, T> ordered(T... keysAndValues) {
        Map<T, T> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String runsTable(String page) {
        return between(page, "<table class=\"runs\"", "</table>");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    /** The page's text as read: tags gone, entities decoded, white space folded. */
    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
