package dev.routeplan.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.plans.SampleDays;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.verify.ComplianceVerifier;
import dev.routeplan.planning.digest.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A compliance officer reads a night's proof, asks what a higher GRAP stage would do, and withdraws. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceApiTests {

    /** Read and what-if only: its routes keep their stored status. */
    static final LocalDate DATE = LocalDate.of(2027, 3, 11);
    /** Where the withdrawals happen. */
    static final LocalDate WITHDRAWN = LocalDate.of(2027, 3, 12);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    RulePack rulePack;

    Path folder;
    Path published;

    @BeforeAll
    void publishTwoSampleDays(@Autowired PlanRuns runs) throws Exception {
        folder = Files.createTempDirectory("routeplan-compliance-api");
        published = SampleDays.publish(runs, DATE, folder.resolve("read"));
        SampleDays.publish(runs, WITHDRAWN, folder.resolve("withdraw"));
    }

    @AfterAll
    void deleteTheirFiles() throws Exception {
        SampleDays.delete(folder);
    }

    @Test
    void summarisesTheNightsVerificationWithItsReportAndEvidenceToDownload() throws Exception {
        long routes = jdbc.sql("select count(*) from routes where plan_date = ?").param(DATE).query(Long.class).single();

        MvcResult summary = mvc.perform(get("/api/v1/compliance/{date}", DATE).with(tokens.as(Role.COMPLIANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.routes").value(routes))
                .andExpect(jsonPath("$.rulePacks[0].id").value(rulePack.id()))
                .andExpect(jsonPath("$.rulePacks[0].sha256").value(rulePack.sha256()))
                .andExpect(jsonPath("$.rulePacks[0].grapStage").value(2))
                .andExpect(jsonPath("$.checksByVerdict.PASS").isNumber())
                .andExpect(jsonPath("$.verifications[*].mode").value(hasItem("NIGHTLY")))
                .andExpect(jsonPath("$.report.name").value("compliance-report.pdf"))
                .andExpect(jsonPath("$.evidence.name").value("compliance-evidence.xlsx"))
                .andReturn();

        String reportUrl = json.readTree(summary.getResponse().getContentAsString()).get("report").get("url").asString();
        assertThat(reportUrl).isEqualTo("/api/v1/compliance/" + DATE + "/files/compliance-report.pdf");
        MvcResult report = mvc.perform(get(reportUrl).with(tokens.as(Role.COMPLIANCE)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.containsString(
                        "filename=\"compliance-report.pdf\"")))
                .andReturn();
        assertThat(Sha256.hex(report.getResponse().getContentAsByteArray()))
                .isEqualTo(Sha256.hex(published.resolve("compliance-report.pdf")));
        // the compliance documents only: a plan file is the planners'
        mvc.perform(get("/api/v1/compliance/{date}/files/routes.csv", DATE).with(tokens.as(Role.COMPLIANCE)))
                .andExpect(status().isNotFound());
    }

    @Test
    void provesOneRouteWithEveryRuleItsVerdictAndEvidence() throws Exception {
        String vehicle = aRouteWithStops(DATE);
        long rules = jdbc.sql("select count(*) from compliance_checks where plan_date = ? and vehicle_id = ?")
                .params(DATE, vehicle).query(Long.class).single();

        MvcResult result = mvc.perform(get("/api/v1/compliance/{date}/routes/{route}", DATE, vehicle)
                        .with(tokens.as(Role.COMPLIANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.routeId").value(vehicle))
                .andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.oneOf("PASSED", "BLOCKED")))
                .andExpect(jsonPath("$.checks.length()").value(rules))
                .andReturn();

        JsonNode checks = json.readTree(result.getResponse().getContentAsString()).get("checks");
        assertThat(checks).allSatisfy(check -> {
            assertThat(check.get("ruleId").asString()).isNotBlank();
            assertThat(check.get("verdict").asString()).isIn("PASS", "FAIL", "EXEMPT", "NOT_APPLICABLE", "NOT_EVALUATED", "CHARGE");
            assertThat(check.get("severity").asString()).isNotBlank();
            assertThat(check.get("message").asString()).isNotBlank();
            assertThat(check.get("evidence").isObject()).as("evidence of " + check.get("ruleId")).isTrue();
        });
        JsonNode timeline = checks.valueStream()
                .filter(c -> c.get("ruleId").asString().equals(ComplianceVerifier.TIMELINE_CHECK)).findFirst().orElseThrow();
        // the evidence is JSON, not a string of JSON: a client reads its fields directly
        assertThat(timeline.get("evidence").properties()).isNotEmpty();
    }

    @Test
    void answers404ForARouteThatIsNotInThePlan() throws Exception {
        mvc.perform(get("/api/v1/compliance/{date}/routes/NO-SUCH-VEHICLE", DATE).with(tokens.as(Role.COMPLIANCE)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWhatIfAtGrapStageFourListsTheRoutesThatWouldBecomeIllegalAndChangesNothing() throws Exception {
        List<String> before = statuses(DATE);

        mvc.perform(post("/api/v1/compliance/{date}/what-if", DATE).with(tokens.as(Role.COMPLIANCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 4}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grapStage").value("4"))
                .andExpect(jsonPath("$.rulePack.id").value(rulePack.id()))
                .andExpect(jsonPath("$.newlyIllegal").isNotEmpty())
                .andExpect(jsonPath("$.newlyIllegal[*].storedStatus").value(everyItem(org.hamcrest.Matchers.is("PASSED"))))
                .andExpect(jsonPath("$.newlyIllegal[*].withdrawn").value(everyItem(org.hamcrest.Matchers.is(false))))
                .andExpect(jsonPath("$.newlyIllegal[*].failures[*].ruleId").value(hasItem(startsWith("DL-GRAP"))))
                .andExpect(jsonPath("$.withdrawn").value(0));

        assertThat(statuses(DATE)).isEqualTo(before);
        assertThat(audit("WHAT_IF", "SUCCEEDED", DATE)).isEqualTo(1);
    }

    @Test
    void aPlannerMayAskAWhatIfButNotWithdraw() throws Exception {
        List<String> before = statuses(DATE);

        mvc.perform(post("/api/v1/compliance/{date}/what-if", DATE).with(tokens.as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 4, \"withdraw\": true}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(statuses(DATE)).isEqualTo(before);
        assertThat(audit("WITHDRAW", "REFUSED", DATE)).isEqualTo(1);
        mvc.perform(post("/api/v1/compliance/{date}/what-if", DATE).with(tokens.as(Role.OPS))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 4}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aComplianceOfficerWithdrawsTheRoutesAStageMakesIllegal() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/compliance/{date}/what-if", WITHDRAWN).with(tokens.as(Role.COMPLIANCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 4, \"withdraw\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newlyIllegal[*].withdrawn").value(everyItem(org.hamcrest.Matchers.is(true))))
                .andReturn();

        JsonNode answer = json.readTree(result.getResponse().getContentAsString());
        assertThat(answer.get("withdrawn").asInt()).isPositive().isEqualTo(answer.get("newlyIllegal").size());
        answer.get("newlyIllegal").forEach(route -> assertThat(jdbc.sql(
                        "select status from routes where plan_date = ? and vehicle_id = ?")
                .params(WITHDRAWN, route.get("vehicleId").asString()).query(String.class).single()).isEqualTo("BLOCKED"));
        assertThat(audit("WITHDRAW", "SUCCEEDED", WITHDRAWN)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from verification_audit where plan_date = ? and mode = 'DISPATCH'")
                .param(WITHDRAWN).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void takesARulePackByConfiguredNameOnlyNeverAPath() throws Exception {
        mvc.perform(post("/api/v1/compliance/{date}/what-if", DATE).with(tokens.as(Role.COMPLIANCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 3, \"rulePack\": \"../config/rules/delhi.yaml\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no rule pack named")))
                .andExpect(jsonPath("$.detail").value(not(org.hamcrest.Matchers.containsString("Exception"))));
        mvc.perform(post("/api/v1/compliance/{date}/what-if", DATE).with(tokens.as(Role.COMPLIANCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 3, \"rulePack\": \"" + rulePack.id() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rulePack.sha256").value(rulePack.sha256()));
    }

    @Test
    void refusesAStageOutsideGrapAndADateNeverPlanned() throws Exception {
        mvc.perform(post("/api/v1/compliance/{date}/what-if", DATE).with(tokens.as(Role.COMPLIANCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 7}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/compliance/{date}/what-if", DATE.plusYears(4)).with(tokens.as(Role.COMPLIANCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grapStage\": 4}"))
                .andExpect(status().isNotFound());
    }

    private String aRouteWithStops(LocalDate date) {
        return jdbc.sql("select vehicle_id from route_stops where plan_date = ? order by vehicle_id fetch first 1 rows only")
                .param(date).query(String.class).single();
    }

    private List<String> statuses(LocalDate date) {
        return jdbc.sql("select status from routes where plan_date = ? order by vehicle_id").param(date).query(String.class).list();
    }

    private long audit(String action, String outcome, LocalDate date) {
        return jdbc.sql("select count(*) from audit_log where action = ? and outcome = ? and target = ?")
                .params(action, outcome, "plan-date " + date).query(Long.class).single();
    }
}
