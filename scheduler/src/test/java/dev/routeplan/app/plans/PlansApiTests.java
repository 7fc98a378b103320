package dev.routeplan.app.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.planning.digest.Sha256;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A planner reads what a night published and downloads its files, exactly as they were registered. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansApiTests {

    static final LocalDate DATE = LocalDate.of(2027, 3, 1);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcClient jdbc;

    Path folder;
    Path published;

    @BeforeAll
    void publishTheSampleDay(@Autowired PlanRuns runs) throws Exception {
        folder = Files.createTempDirectory("routeplan-plans-api");
        published = SampleDays.publish(runs, DATE, folder);
    }

    @AfterAll
    void deleteItsFiles() throws Exception {
        SampleDays.delete(folder);
    }

    @Test
    void listsEachDepotsCurrentRevisionWithItsFilesAndWhereToGetThem() throws Exception {
        mvc.perform(get("/api/v1/plans/{date}", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.planDate").value(DATE.toString()))
                .andExpect(jsonPath("$.runWide.revision").value(1))
                .andExpect(jsonPath("$.runWide.files[?(@.name == 'routes.csv')].url")
                        .value("/api/v1/plans/" + DATE + "/files/routes.csv"))
                .andExpect(jsonPath("$.runWide.files[?(@.name == 'routes.csv')].sha256").value(registeredSha("routes.csv")))
                .andExpect(jsonPath("$.depots[*].depotId").value(org.hamcrest.Matchers.contains("D1", "D2", "D3")))
                .andExpect(jsonPath("$.depots[0].fingerprint").isString())
                .andExpect(jsonPath("$.depots[0].publishedAt").isString())
                .andExpect(jsonPath("$.depots[0].files[*].name").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "manifests-D1.pdf", "plan-D1.xlsx", "route-map-D1.png")))
                .andExpect(jsonPath("$.depots[0].files[?(@.name == 'plan-D1.xlsx')].kind").value("PLAN_XLSX"))
                .andExpect(jsonPath("$.depots[0].files[?(@.name == 'plan-D1.xlsx')].url")
                        .value("/api/v1/plans/" + DATE + "/depots/D1/files/plan-D1.xlsx"));
    }

    @Test
    void showsADepotsCurrentRevisionAndItsHistory() throws Exception {
        mvc.perform(get("/api/v1/plans/{date}/depots/D2", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.depotId").value("D2"))
                .andExpect(jsonPath("$.current.revision").value(1))
                .andExpect(jsonPath("$.current.current").value(true))
                .andExpect(jsonPath("$.history", hasSize(1)))
                .andExpect(jsonPath("$.current.files", hasSize(3)));
    }

    @Test
    void answers404ForADateOrDepotNeverPublished() throws Exception {
        mvc.perform(get("/api/v1/plans/{date}", DATE.plusYears(3)).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/plans/{date}/depots/D9", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDownloadsBytesAreTheOnesRegisteredWithTheirSha256() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/plan-D1.xlsx", DATE)
                        .with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XLSX))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + registeredSha("plan-D1.xlsx") + "\""))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("filename=\"plan-D1.xlsx\"")))
                .andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
                .andReturn();

        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(Sha256.hex(body)).isEqualTo(registeredSha("plan-D1.xlsx"));
        assertThat((long) body.length).isEqualTo(jdbc.sql("select size_bytes from artifacts where path = ?")
                .param(published.resolve("D1/plan-D1.xlsx").toString()).query(Long.class).single());
        assertThat(auditRows("DOWNLOAD", "SUCCEEDED", "D1 plan-D1.xlsx")).isEqualTo(1);
    }

    @Test
    void servesEachKindOfFileWithItsContentType() throws Exception {
        Map<String, String> runWide = Map.of("routes.csv", "text/csv;charset=UTF-8", "plan-all-depots.xlsx", XLSX,
                "summary.json", "application/json", "compliance-report.pdf", "application/pdf");
        for (Map.Entry<String, String> file : runWide.entrySet()) {
            MvcResult result = mvc.perform(get("/api/v1/plans/{date}/files/{name}", DATE, file.getKey())
                            .with(tokens.as(Role.PLANNER)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(file.getValue()))
                    .andReturn();
            assertThat(Sha256.hex(result.getResponse().getContentAsByteArray())).isEqualTo(registeredSha(file.getKey()));
        }
        mvc.perform(get("/api/v1/plans/{date}/depots/D3/files/manifests-D3.pdf", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/api/v1/plans/{date}/depots/D3/files/route-map-D3.png", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG));
    }

    @Test
    void answersNotModifiedWhenTheClientHasTheSameFile() throws Exception {
        String etag = "\"" + registeredSha("manifests-D2.pdf") + "\"";

        mvc.perform(get("/api/v1/plans/{date}/depots/D2/files/manifests-D2.pdf", DATE).with(tokens.as(Role.PLANNER))
                        .header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(get("/api/v1/plans/{date}/depots/D2/files/manifests-D2.pdf", DATE).with(tokens.as(Role.PLANNER))
                        .header(HttpHeaders.IF_NONE_MATCH, "\"" + "0".repeat(64) + "\""))
                .andExpect(status().isOk());
    }

    @Test
    void servesARangeAsPartialContent() throws Exception {
        byte[] whole = Files.readAllBytes(published.resolve("routes.csv"));

        MvcResult result = mvc.perform(get("/api/v1/plans/{date}/files/routes.csv", DATE).with(tokens.as(Role.PLANNER))
                        .header(HttpHeaders.RANGE, "bytes=10-99"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 10-99/" + whole.length))
                .andReturn();

        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(whole, 10, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "..%2FD2%2Fplan-D2.xlsx", "%2E%2E%2F%2E%2E%2Froutes.csv", "..%5Cplan-D2.xlsx",
            "plan-D1.xlsx%00.png", "%2Fetc%2Fpasswd", "plan-D1.xlsx%3A%24DATA", "~root"})
    void refusesANameThatIsNotAPlainFileName(String encodedName) throws Exception {
        mvc.perform(get(URI.create("/api/v1/plans/" + DATE + "/depots/D1/files/" + encodedName)).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void refusesAnUnsafeNameThatGotPastTheFirewallItself() throws Exception {
        mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/{name}", DATE, "plan-D1.xlsx:$DATA").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad file name"));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'DOWNLOAD' and outcome = 'REFUSED' and detail = ?")
                .param("not a plain file name").query(Long.class).single()).isPositive();
    }

    @Test
    void servesOnlyRegisteredFilesOfTheRevisionsOwnFolder() throws Exception {
        Files.writeString(published.resolve("D1/notes.txt"), "not published");

        mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/notes.txt", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("not a published file")));
        // registered, but a run-wide file: not one of the depot's
        mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/routes.csv", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isNotFound());
        // registered, but another depot's
        mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/plan-D2.xlsx", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isNotFound());
        assertThat(auditRows("DOWNLOAD", "REFUSED", "notes.txt")).isEqualTo(1);
    }

    @Test
    void refusesAFileWhoseBytesChangedSinceItWasPublished() throws Exception {
        Path file = published.resolve("unassigned.csv");
        byte[] original = Files.readAllBytes(file);
        try {
            // same size, other bytes: only the hash tells
            byte[] tampered = original.clone();
            tampered[tampered.length - 2] = (byte) (tampered[tampered.length - 2] == 'x' ? 'y' : 'x');
            Files.write(file, tampered);

            mvc.perform(get("/api/v1/plans/{date}/files/unassigned.csv", DATE).with(tokens.as(Role.PLANNER)))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Artifact changed on disk"));

            Files.write(file, Arrays.copyOf(original, original.length + 1));
            mvc.perform(get("/api/v1/plans/{date}/files/unassigned.csv", DATE).with(tokens.as(Role.PLANNER)))
                    .andExpect(status().isInternalServerError());
            assertThat(auditRows("DOWNLOAD", "FAILED", "unassigned.csv")).isEqualTo(2);
        } finally {
            Files.write(file, original);
        }
        mvc.perform(get("/api/v1/plans/{date}/files/unassigned.csv", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk());
    }

    @Test
    void isForPlannersNotForOperations() throws Exception {
        mvc.perform(get("/api/v1/plans/{date}", DATE).with(tokens.as(Role.OPS))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/plans/{date}/files/routes.csv", DATE).with(tokens.as(Role.COMPLIANCE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/plans/{date}/files/routes.csv", DATE).with(tokens.as(Role.ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/plans/{date}/files/routes.csv", DATE)).andExpect(status().isUnauthorized());
    }

    private String registeredSha(String name) {
        return jdbc.sql("select sha256 from artifacts where plan_date = ? and path like ?")
                .params(DATE, "%" + java.io.File.separator + name).query(String.class).single();
    }

    private long auditRows(String action, String outcome, String targetEnd) {
        return jdbc.sql("select count(*) from audit_log where action = ? and outcome = ? and target like ?")
                .params(action, outcome, "plan " + DATE + "%" + targetEnd).query(Long.class).single();
    }
}
