package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.app.audit.AuditFilter;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.audit.AuditRecord;
import dev.routeplan.app.compliance.ComplianceProofs;
import dev.routeplan.app.compliance.Reverification.RouteChange;
import dev.routeplan.app.compliance.WhatIfs;
import dev.routeplan.app.plans.SampleDays;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.planning.digest.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /compliance} as a compliance officer sees it, on the sample day planned at GRAP stage II:
 * the date's figures and documents, one route's every rule, a what-if at GRAP IV that lists what
 * the use case says and changes nothing, and a withdrawal asked first, then done, on the audit log.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompliancePagesTests {

    /** Read and what-if only. */
    static final LocalDate DATE = LocalDate.of(2026, 12, 16);
    /** Where the withdrawal happens. */
    static final LocalDate WITHDRAWN = LocalDate.of(2026, 12, 17);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplianceProofs proofs;
    @Autowired
    WhatIfs whatIfs;
    @Autowired
    AuditLog auditLog;

    /** Each test its own officer, so each finds its own audit rows. */
    private String subject;
    private RequestPostProcessor officer;
    private Path folder;
    private Path published;

    @BeforeAll
    void publishTwoSampleDays(@Autowired PlanRuns runs) throws Exception {
        folder = Files.createTempDirectory("routeplan-compliance-pages");
        published = SampleDays.publish(runs, DATE, folder.resolve("read"));
        SampleDays.publish(runs, WITHDRAWN, folder.resolve("withdraw"));
    }

    @BeforeEach
    void anOfficer() {
        subject = "compliance-page-" + UUID.randomUUID();
        officer = user(subject).roles("COMPLIANCE");
    }

    @AfterAll
    void deleteTheirFiles() throws Exception {
        SampleDays.delete(folder);
    }

    @Test
    void showsTheDatesFiguresBlockedRulesAndItsDocumentsToDownload() throws Exception {
        List<ComplianceProofs.RouteStanding> routes = proofs.routes(DATE);
        long blocked = routes.stream().filter(r -> r.status().equals("BLOCKED")).count();

        String page = page(get("/compliance").param("date", DATE.toString()));

        assertThat(page).contains("Report of " + DATE,
                "<dd id=\"routes-checked\">" + routes.size() + "</dd>",
                "<dd id=\"routes-passed\">" + (routes.size() - blocked) + "</dd>",
                "<span id=\"routes-blocked\">" + blocked + "</span>", "stage 2",
                "href=\"/compliance/files/compliance-report.pdf?date=" + DATE + "\"",
                "href=\"/compliance/files/compliance-evidence.xlsx?date=" + DATE + "\"");
        proofs.failingRules(DATE).forEach(rule -> assertThat(page).contains(rule.ruleId()));
        routes.forEach(route -> assertThat(page).contains("href=\"/compliance/routes/" + route.vehicleId() + "?date=" + DATE + "\""));
        assertThat(page).as("the nightly verification").contains("NIGHTLY");

        MockHttpServletResponse report = mvc.perform(get("/compliance/files/compliance-report.pdf").param("date", DATE.toString())
                        .with(officer))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse();
        assertThat(Sha256.hex(report.getContentAsByteArray())).isEqualTo(Sha256.hex(published.resolve("compliance-report.pdf")));
        assertThat(audited(AuditAction.DOWNLOAD)).singleElement()
                .satisfies(r -> assertThat(r.target()).isEqualTo("plan " + DATE + " run-wide compliance-report.pdf"));
    }

    @Test
    void handsOutOnlyTheComplianceDocumentsAndSaysWhyNot() throws Exception {
        String refused = mvc.perform(get("/compliance/files/routes.csv").param("date", DATE.toString()).with(officer))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("routes.csv is not a published file of " + DATE, "Compliance of " + DATE);

        String badDate = mvc.perform(get("/compliance/files/compliance-report.pdf").param("date", "2027-02-30").with(officer))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(badDate).contains("2027-02-30 is not a date like 2026-12-01");
    }

    @Test
    void showsOneRouteWithEveryRuleItsVerdictAndEvidence() throws Exception {
        String vehicle = jdbc.sql("select vehicle_id from route_stops where plan_date = ? order by vehicle_id fetch first 1 rows only")
                .param(DATE).query(String.class).single();
        List<ComplianceProofs.StoredCheck> checks = proofs.checks(DATE, vehicle);

        String page = HtmlUtils.htmlUnescape(page(get("/compliance/routes/" + vehicle).param("date", DATE.toString())));

        assertThat(page).contains("<h1><span>Route " + vehicle + "</span> · <span class=\"nowrap\">" + DATE + "</span></h1>", "Rules checked</dt><dd>" + checks.size() + "</dd>");
        assertThat(checks).isNotEmpty().allSatisfy(check -> {
            String row = between(page, "<tr id=\"check-" + check.ruleId() + "\">", "</tr>");
            assertThat(row).contains(check.verdict(), check.severity(), check.message());
            assertThat(row).as("evidence of %s", check.ruleId()).contains("<dt>");
        });
    }

    @Test
    void saysARouteNotInThePlanIsNotThere() throws Exception {
        String page = mvc.perform(get("/compliance/routes/NO-SUCH-VEHICLE").param("date", DATE.toString()).with(officer))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is no route NO-SUCH-VEHICLE in the plan of " + DATE + ".");
    }

    @Test
    void refusesABadDateBesideItsField() throws Exception {
        String page = page(get("/compliance").param("date", "2027-13-01"));

        assertThat(page).contains("aria-invalid=\"true\"", "id=\"date-error\"", "2027-13-01 is not a date like 2026-12-01")
                .doesNotContain("Report of");
    }

    @Test
    void saysADateNeverPlannedHasNoVerifiedPlan() throws Exception {
        assertThat(page(get("/compliance").param("date", "2031-01-01"))).contains("No verified plan for 2031-01-01");
    }

    @Test
    void refusesAnUnknownStageAndTwoQuestionsAtOnceBesideTheFieldAskingNothing() throws Exception {
        String page = page(post("/compliance/what-if").param("date", DATE.toString()).param("grapStage", "7").with(csrf()));
        assertThat(page).contains("id=\"grapStage-error\"", "GRAP stage 7 is not one of 0 to 4").doesNotContain("id=\"what-if-answer\"");

        String both = page(post("/compliance/what-if").param("date", DATE.toString()).param("grapStage", "4")
                .param("at", "2026-12-16T23:30").with(csrf()));
        assertThat(both).contains("choose a GRAP stage or a time, not both");

        String badTime = page(post("/compliance/what-if").param("date", DATE.toString()).param("at", "tonight").with(csrf()));
        assertThat(badTime).contains("id=\"at-error\"", "tonight is not a date and time like 2026-12-01T23:30");

        String unknownPack = page(post("/compliance/what-if").param("date", DATE.toString()).param("grapStage", "4")
                .param("rulePack", "../config/rules/delhi.yaml").with(csrf()));
        assertThat(HtmlUtils.htmlUnescape(unknownPack)).contains("id=\"rulePack-error\"", "no rule pack named '../config/rules/delhi.yaml'");

        assertThat(audited(AuditAction.WHAT_IF)).as("only the unknown pack reached the use case, refused")
                .singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED));
    }

    @Test
    void aWhatIfAtGrapStageFourListsWhatTheUseCaseSaysAndChangesNothing() throws Exception {
        Map<String, String> before = statuses(DATE);
        List<RouteChange> expected = whatIfs.whatIf(DATE, new WhatIfs.Question(4, null, null), "test").newlyIllegal();
        assertThat(expected).as("the sample day planned at stage II has routes GRAP IV blocks").isNotEmpty();

        String page = HtmlUtils.htmlUnescape(page(post("/compliance/what-if").param("date", DATE.toString())
                .param("grapStage", "4").with(csrf())));

        String answer = between(page, "<div id=\"what-if-answer\">", "</form>");
        assertThat(answer).contains("Under GRAP stage IV", expected.size() + " published " + (expected.size() == 1 ? "route" : "routes") + " would become illegal",
                "Withdraw " + routes(expected.size()) + "…");
        assertThat(illegalRoutes(answer)).containsExactlyElementsOf(expected.stream().map(RouteChange::vehicleId).toList());
        expected.forEach(route -> route.failures().forEach(failure ->
                assertThat(answer).contains(ComplianceViews.ruleId(failure))));
        assertThat(statuses(DATE)).isEqualTo(before);
        assertThat(audited(AuditAction.WHAT_IF)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(AuditEntry.Outcome.SUCCEEDED));
    }

    @Test
    void aWhatIfAtATimeTakesTheStageTheCalendarHasInForceThen() throws Exception {
        // the sample day's calendar has stage II from three days before: the plan's own stage, so nothing changes
        String page = HtmlUtils.htmlUnescape(page(post("/compliance/what-if").param("date", DATE.toString())
                .param("at", DATE + "T23:30").with(csrf())));

        String answer = between(page, "<div id=\"what-if-answer\">", "</div>");
        assertThat(answer).contains("Under the GRAP stage in force at " + DATE + " 23:30 IST", "stage in force at " + DATE
                + "T23:30+05:30", "0 published routes would become illegal").doesNotContain("Withdraw");
    }

    @Test
    void withdrawsOnlyOnceConfirmedThenShowsTheRoutesBlockedWithAnAuditRow() throws Exception {
        List<String> illegal = whatIfs.whatIf(WITHDRAWN, new WhatIfs.Question(4, null, null), "test").newlyIllegal().stream()
                .map(RouteChange::vehicleId).toList();
        Map<String, String> before = statuses(WITHDRAWN);

        String question = HtmlUtils.htmlUnescape(page(post("/compliance/withdraw").param("date", WITHDRAWN.toString())
                .param("grapStage", "4").param("at", "").param("rulePack", "").with(csrf())));
        assertThat(illegal).as("the sample day planned at stage II has routes GRAP IV blocks").isNotEmpty();
        assertThat(question).contains("Withdraw " + routes(illegal.size()) + " of " + WITHDRAWN + "?", "Yes, withdraw",
                "name=\"confirmed\"", "href=\"/compliance?date=" + WITHDRAWN + "\"", "marked BLOCKED");
        illegal.forEach(vehicle -> assertThat(question).contains(vehicle));
        assertThat(statuses(WITHDRAWN)).as("asking changes nothing").isEqualTo(before);

        mvc.perform(post("/compliance/withdraw").param("date", WITHDRAWN.toString()).param("grapStage", "4")
                        .param("at", "").param("rulePack", "").param("confirmed", "yes").with(officer).with(csrf()))
                .andExpect(redirectedUrl("/compliance?date=" + WITHDRAWN))
                .andExpect(flash().attribute("message", "Withdrew " + routes(illegal.size()) + " of " + WITHDRAWN
                        + " under GRAP stage IV; they are BLOCKED."));

        Map<String, String> after = statuses(WITHDRAWN);
        illegal.forEach(vehicle -> assertThat(after.get(vehicle)).isEqualTo("BLOCKED"));
        assertThat(audited(AuditAction.WITHDRAW)).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("plan-date " + WITHDRAWN);
            assertThat(r.outcome()).isEqualTo(AuditEntry.Outcome.SUCCEEDED);
            assertThat(r.roles()).contains("COMPLIANCE");
            assertThat(r.detail()).contains("grapStage=4", "withdrawn " + String.join(" ", illegal));
        });
        String page = page(get("/compliance").param("date", WITHDRAWN.toString()));
        assertThat(page).contains("DISPATCH");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String routes(int count) {
        return count + (count == 1 ? " route" : " routes");
    }

    private static List<String> illegalRoutes(String answer) {
        return java.util.regex.Pattern.compile("<tr id=\"illegal-([^\"]+)\">").matcher(answer).results()
                .map(m -> m.group(1)).toList();
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as("%s in %s", start, page).isNotNegative();
        int to = page.indexOf(end, from);
        return page.substring(from, to < 0 ? page.length() : to + end.length());
    }

    private Map<String, String> statuses(LocalDate date) {
        return proofs.routes(date).stream()
                .collect(Collectors.toMap(ComplianceProofs.RouteStanding::vehicleId, ComplianceProofs.RouteStanding::status));
    }

    private List<AuditRecord> audited(AuditAction action) {
        return auditLog.find(new AuditFilter(action, subject, null, null, null), 0, 10).entries();
    }
}
