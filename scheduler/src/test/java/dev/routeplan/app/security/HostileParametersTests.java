package dev.routeplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.routeplan.app.plans.SampleDays;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Parameters an attacker controls, on a published sample day. Every file download of the API, given a
 * name that tries to leave the date's folder, answers a client error and never the bytes of a file
 * beside the published ones: a file planted in each folder above the revision stays unread whichever
 * way the name is encoded. Every filter of the runs list is data, never SQL: quotes and statements
 * find nothing and change nothing, and a typed filter refuses them naming the field.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileParametersTests {

    static final LocalDate DATE = LocalDate.of(2027, 4, 1);
    static final String PLANTED = "planted-secret-7f3a";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    Path folder;

    @BeforeAll
    void publishTheSampleDayAndPlantFilesAboveIt(@Autowired PlanRuns runs) throws Exception {
        folder = Files.createTempDirectory("routeplan-download-names");
        Path published = SampleDays.publish(runs, DATE, folder);
        for (Path dir = published; dir != null && dir.startsWith(folder); dir = dir.getParent()) {
            Files.writeString(dir.resolve("secret.txt"), PLANTED, StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    void deleteItsFiles() throws Exception {
        SampleDays.delete(folder);
    }

    static Stream<Arguments> downloadsAndNames() {
        String[] downloads = {
                "/api/v1/plans/" + DATE + "/depots/D1/files/",
                "/api/v1/plans/" + DATE + "/files/",
                "/api/v1/rejects/" + DATE + "/files/",
                "/api/v1/compliance/" + DATE + "/files/"};
        String[] names = {"..", "secret.txt", "..%2Fsecret.txt", "..%2F..%2Fsecret.txt", "%2E%2E%2Fsecret.txt",
                "..%5Csecret.txt", "%2e%2e%5c%2e%2e%5csecret.txt", "secret.txt%00.pdf", "%2Fetc%2Fpasswd", "~root",
                "routes.csv%3A%24DATA", "..;%2Fsecret.txt", "%252E%252E%252Fsecret.txt"};
        return Stream.of(downloads).flatMap(download -> Stream.of(names).map(name -> Arguments.of(download, name)));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("downloadsAndNames")
    void answersAClientErrorAndNeverAFileBesideThePublishedOnes(String download, String encodedName) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(URI.create(download + encodedName)).with(tokens.as(Role.ADMIN)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as("status of %s%s", download, encodedName).isIn(400, 404);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(PLANTED).doesNotContain("root:");
    }

    @Test
    void takesEveryRunsFilterAsDataNeverAsSql() throws Exception {
        // this class's date only: runs of other test classes may be created meanwhile
        int runs = total(ofTheDate());
        assertThat(runs).as("runs of %s, the sample day's", DATE).isPositive();
        assertThat(total(ofTheDate().param("job", NightlyPlanJobConfiguration.JOB_NAME))).isEqualTo(runs);

        for (String job : new String[] {"x' or '1'='1", NightlyPlanJobConfiguration.JOB_NAME + "' --",
                NightlyPlanJobConfiguration.JOB_NAME + "'; delete from batch_job_execution_params; --",
                "' union select * from audit_log --"}) {
            assertThat(total(ofTheDate().param("job", job))).as("runs of job %s", job).isZero();
        }
        assertThat(total(ofTheDate())).as("runs of %s after, found by their planDate parameter", DATE).isEqualTo(runs);

        String[][] typed = {{"from", "2027-01-01' or '1'='1"}, {"to", "2027-12-31'--"}, {"status", "COMPLETED' or '1'='1"},
                {"page", "0 or 1=1"}, {"size", "10; drop table batch_job_execution"}};
        for (String[] filter : typed) {
            mvc.perform(get("/api/v1/runs").param(filter[0], filter[1]).with(tokens.as(Role.OPS)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(filter[0]));
        }
    }

    private static MockHttpServletRequestBuilder ofTheDate() {
        return get("/api/v1/runs").param("from", DATE.toString()).param("to", DATE.toString());
    }

    private int total(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.with(tokens.as(Role.OPS))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.total");
    }
}
