package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditFilter;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.plans.Artifact;
import dev.routeplan.app.plans.PublishedPlans;
import dev.routeplan.app.plans.SampleDays;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.store.PlanStore.StoredRoute;
import dev.routeplan.planning.domain.RouteStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /plans} as a planner reads it, after the sample day was planned and published and then
 * published again with one route of D1 withdrawn (blocked), so D1 has two revisions: a card per
 * depot with its figures, map, revision and files; the withdrawn route's orders unassigned with
 * their reason; what changed between D1's revisions; the files served from the console as
 * published; a date that is not one, and a date with nothing published, said so.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansPagesTests {

    static final LocalDate DATE = LocalDate.of(2027, 4, 7);

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanStore plans;
    @Autowired
    PublishedPlans published;
    @Autowired
    AuditLog auditLog;

    private final String subject = "plans-page-" + UUID.randomUUID();
    private final RequestPostProcessor planner = user(subject).roles("PLANNER");
    private Path folder;
    private String withdrawn;

    /** Publishes the sample day, withdraws one route of D1, and publishes the stored plan again (not re-planned). */
    @BeforeAll
    void publishTwoRevisionsOfDepotD1(@Autowired PlanRuns runs) throws Exception {
        folder = Files.createTempDirectory("routeplan-plans-page");
        SampleDays.publish(runs, DATE, folder);
        withdrawn = SampleDays.withdrawARouteAndRepublish(runs, plans, DATE, "D1");
    }

    @AfterAll
    void deleteItsFiles() throws Exception {
        SampleDays.delete(folder);
    }

    @Test
    void showsEachDepotAsACardWithItsPublishedRoutesFiguresMapRevisionAndFiles() throws Exception {
        String page = page("/plans?date=" + DATE);

        for (String depot : List.of("D1", "D2", "D3")) {
            List<StoredRoute> passed = plans.routes(DATE, depot).stream().filter(r -> r.status() == RouteStatus.PASSED).toList();
            String card = card(page, depot);
            assertThat(card).contains("<dd class=\"vehicles\">" + passed.size() + "</dd>",
                    "<dd class=\"stops\">" + passed.stream().mapToInt(r -> r.route().stops().size()).sum() + "</dd>",
                    "<dd class=\"km\">" + km(passed.stream().mapToDouble(r -> r.route().distanceKm()).sum()) + "</dd>",
                    "href=\"/plans/2027-04-07/depots/" + depot + "/files/plan-" + depot + ".xlsx\"",
                    "href=\"/plans/2027-04-07/depots/" + depot + "/files/manifests-" + depot + ".pdf\"",
                    "href=\"/plans/2027-04-07/depots/" + depot + "/files/route-map-" + depot + ".png\"");
            assertThat(count(card, "<polyline")).as("a line per route of " + depot).isEqualTo(plans.routes(DATE, depot).size());
        }
        assertThat(card(page, "D1")).contains("Okhla Industrial Area", "revision 2", "<dd class=\"blocked-routes\">1</dd>",
                "BLOCKED");
        assertThat(card(page, "D2")).contains("Narela Industrial Area", "revision 1").doesNotContain("blocked-routes");
        assertThat(page).contains("href=\"/plans/2027-04-07/files/plan-all-depots.xlsx\"", "All-depot workbook");
    }

    @Test
    void listsTheUnassignedOrdersWithTheirReasonsTheWithdrawnRoutesOnesIncluded() throws Exception {
        String table = between(page("/plans?date=" + DATE), "<table class=\"unassigned\">", "</table>");

        for (var stop : plans.routes(DATE, "D1").stream().filter(r -> r.route().vehicleId().equals(withdrawn))
                .findFirst().orElseThrow().route().stops()) {
            assertThat(table).contains(">" + stop.orderId() + "</th>");
        }
        assertThat(table).contains("BLOCKED_BY_COMPLIANCE", "route of " + withdrawn + " blocked");
        plans.unassigned(DATE, "D2").forEach(u -> assertThat(table)
                .contains(">" + u.orderId() + "</th>", u.reason().name(), HtmlUtils.htmlEscape(u.detail())));
    }

    @Test
    void saysWhatChangedBetweenRevisionsAndOffersTheEarlierRevisionsFiles() throws Exception {
        String history = between(page("/plans?date=" + DATE), "id=\"history-D1\"", "</section>");
        int withdrawnStops = plans.routes(DATE, "D1").stream().filter(r -> r.route().vehicleId().equals(withdrawn))
                .findFirst().orElseThrow().route().stops().size();

        assertThat(history).contains("Revision 2", "current", "Routes removed: <span>" + withdrawn + "</span>",
                "<summary>No longer on a route (" + withdrawnStops + ")</summary>", "Revision 1", "The first revision.",
                "href=\"/plans/2027-04-07/depots/D1/files/plan-D1.xlsx?revision=1\"");
        assertThat(history).doesNotContain("Routes added", "Orders moved", "Now on a route");
        for (var stop : plans.routes(DATE, "D1").stream().filter(r -> r.route().vehicleId().equals(withdrawn))
                .findFirst().orElseThrow().route().stops()) {
            assertThat(between(history, "No longer on a route", "</details>")).contains(stop.orderId());
        }
        assertThat(between(page("/plans?date=" + DATE), "id=\"history-D2\"", "</section>"))
                .contains("Revision 1", "The first revision.").doesNotContain("Revision 2");
    }

    @Test
    void servesEachFileAsPublishedAndEarlierRevisionsByNumberOnTheAuditLog() throws Exception {
        Artifact current = published.history(DATE, "D1").get(0).artifacts().stream()
                .filter(a -> a.name().equals("plan-D1.xlsx")).findFirst().orElseThrow();
        Artifact earlier = published.history(DATE, "D1").get(1).artifacts().stream()
                .filter(a -> a.name().equals("plan-D1.xlsx")).findFirst().orElseThrow();

        byte[] body = mvc.perform(get("/plans/{date}/depots/D1/files/plan-D1.xlsx", DATE).with(planner))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + current.sha256() + "\""))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(sha256(body)).isEqualTo(current.sha256());
        byte[] kept = mvc.perform(get("/plans/{date}/depots/D1/files/plan-D1.xlsx", DATE).param("revision", "1").with(planner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(sha256(kept)).isEqualTo(earlier.sha256()).isNotEqualTo(current.sha256());
        assertThat(auditLog.find(new AuditFilter(AuditAction.DOWNLOAD, subject, null, null, null), 0, 10).entries())
                .extracting(r -> r.target())
                .contains("plan " + DATE + " D1 plan-D1.xlsx", "plan " + DATE + " D1 r1 plan-D1.xlsx");

        String missing = mvc.perform(get("/plans/{date}/depots/D1/files/secret.txt", DATE).with(planner))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("No such file", "secret.txt is not a published file of 2027-04-07", "href=\"/plans\"");
    }

    @Test
    void saysADateThatIsNotADateIsNotOneBesideTheField() throws Exception {
        String page = mvc.perform(get("/plans").param("date", "2027-13-01").with(planner))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("“2027-13-01” is not a date like 2026-12-01.", "aria-invalid=\"true\"",
                "aria-describedby=\"date-error\"");
        assertThat(page).doesNotContain("depot-card");
    }

    @Test
    void saysSoWhenNothingWasPublishedForTheDate() throws Exception {
        String page = mvc.perform(get("/plans").param("date", "2031-01-01").with(planner))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Nothing was published for 2031-01-01.");
        assertThat(page).doesNotContain("depot-card");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(planner)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String card(String page, String depot) {
        return between(page, "<article class=\"depot-card\" id=\"depot-" + depot + "\"", "</article>");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String km(double km) {
        return String.format(Locale.ROOT, "%,.1f km", km);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
