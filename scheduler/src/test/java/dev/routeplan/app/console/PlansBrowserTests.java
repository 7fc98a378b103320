package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.plans.PublishedPlans;
import dev.routeplan.app.plans.PublishedRevision;
import dev.routeplan.app.runs.RunOperations;
import dev.routeplan.app.runs.RunQueries;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.planning.digest.Sha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plans page in a real browser after a real run of the sample day (started through the same
 * runs service as the console's Runs page), on PostgreSQL: a planner sees each depot as a card
 * with its route map and figures, downloads the depot's workbook with the page's session and gets
 * the bytes whose SHA-256 the plans API reports. Screenshots at 1366x768 and 390x844 go to
 * {@code target/screenshots/}.
 */
// the second test plans the date again with a late order file added to the shared input folder
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlansBrowserTests extends ConsoleBrowserTest {

    private static final LocalDate SAMPLE_DAY = LocalDate.parse("2026-12-05");

    @Autowired
    RunOperations operations;
    @Autowired
    RunQueries queries;
    @Autowired
    PublishedPlans published;

    @Test
    @Order(1)
    void aPlannerSeesEachDepotOfTheSampleDayAndDownloadsItsWorkbookUnchanged() throws Exception {
        runTheSampleDay();
        console.signIn("ravi", PASSWORD);
        console.open("/plans?date=" + SAMPLE_DAY);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Plans for Sat 5 Dec 2026");
        List<WebElement> cards = browser.findElements(By.cssSelector("article.depot-card"));
        assertThat(cards).extracting(card -> card.findElement(By.cssSelector(".depot-id")).getText())
                .containsExactly("D1", "D2", "D3");
        for (WebElement card : cards) {
            assertThat(Integer.parseInt(card.findElement(By.cssSelector("dd.vehicles")).getText())).isPositive();
            assertThat(Integer.parseInt(card.findElement(By.cssSelector("dd.stops")).getText())).isPositive();
            assertThat(card.findElement(By.cssSelector("dd.km")).getText()).matches("[1-9][\\d,]*\\.\\d km");
            assertThat(card.findElement(By.cssSelector(".revision")).getText()).isEqualTo("revision 1");
            assertThat(card.findElements(By.cssSelector("svg.route-map polyline"))).as("a line per route").isNotEmpty();
            assertThat(card.findElements(By.cssSelector("ul.files a"))).extracting(WebElement::getText)
                    .containsExactly("Workbook", "Driver manifests", "Route map");
        }
        console.screenshot("plans-planner");
        scrollTo("unassigned-heading");
        console.screenshot("plans-planner-unassigned-and-revisions");

        WebElement workbook = browser.findElement(By.cssSelector("#depot-D1 ul.files a[href$='/plan-D1.xlsx']"));
        String href = workbook.getDomAttribute("href");
        assertThat(href).isEqualTo("/plans/2026-12-05/depots/D1/files/plan-D1.xlsx");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console.url(href)))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains("plan-D1.xlsx"));
        Path saved = Files.createTempFile("plan-D1", ".xlsx");
        Files.write(saved, download.body());

        String apiSha256 = apiSha256("D1", "plan-D1.xlsx");
        assertThat(Sha256.hex(saved)).as("the downloaded workbook is the file the API lists").isEqualTo(apiSha256);
        assertThat(workbook.getDomAttribute("data-sha256")).isEqualTo(apiSha256);
        Files.delete(saved);

        console.phone();
        console.open("/plans?date=" + SAMPLE_DAY);
        console.screenshot("plans-planner-390x844");
        scrollTo("depot-D2");
        console.screenshot("plans-planner-390x844-second-card");
    }

    @Test
    @Order(2)
    void aPlannerSeesWhatALateOrderFileChangedInEachDepotsNextRevision() throws Exception {
        runTheSampleDay();
        Map<String, Integer> before = published.current(SAMPLE_DAY).stream().filter(r -> !r.depotId().equals("*"))
                .collect(Collectors.toMap(PublishedRevision::depotId, PublishedRevision::revision));
        // one small order per depot arrives after the night's run; the date is run again
        Files.writeString(folder().resolve("input").resolve("orders-late.csv"), String.join("\n",
                "order_id,customer_name,phone,address,pincode,lat,lon,weight_kg,volume_m3,window_start,window_end,"
                        + "service_minutes,priority,depot_id,goods_type",
                "ORD-9001,Late Order Okhla,+919811000001,\"Plot 1, Okhla Phase II, New Delhi\",110020,28.535,77.275,20,0.05,09:00,18:00,10,1,D1,GENERAL",
                "ORD-9002,Late Order Narela,+919811000002,\"Plot 2, Narela, Delhi\",110040,28.840,77.095,20,0.05,09:00,18:00,10,1,D2,GENERAL",
                "ORD-9003,Late Order Mundka,+919811000003,\"Plot 3, Mundka, Delhi\",110041,28.685,77.035,20,0.05,09:00,18:00,10,1,D3,GENERAL",
                ""));
        runTheSampleDay();
        console.signIn("ravi", PASSWORD);
        console.open("/plans?date=" + SAMPLE_DAY);

        String unassigned = browser.findElements(By.cssSelector("table.unassigned")).stream().map(WebElement::getText)
                .findFirst().orElse("");
        for (String[] depot : new String[][] {{"D1", "ORD-9001"}, {"D2", "ORD-9002"}, {"D3", "ORD-9003"}}) {
            int earlier = before.get(depot[0]);
            assertThat(browser.findElement(By.cssSelector("#depot-" + depot[0] + " .revision")).getText())
                    .isEqualTo("revision " + (earlier + 1));
            WebElement history = browser.findElement(By.id("history-" + depot[0]));
            List<WebElement> revisions = history.findElements(By.cssSelector("ol.revisions > li"));
            assertThat(revisions).extracting(r -> r.findElement(By.tagName("strong")).getText())
                    .startsWith("Revision " + (earlier + 1), "Revision " + earlier);
            assertThat(revisions.get(1).findElements(By.cssSelector("a[href$='revision=" + earlier + "']")))
                    .as("the kept files").isNotEmpty();
            // the lists of orders are folded away: their text is there, not shown
            String changes = revisions.get(0).getDomProperty("textContent");
            assertThat(changes.contains("Now on a route") && changes.contains(depot[1])
                    || unassigned.contains(depot[1]))
                    .as("%s is on a route of revision 2 (said in the history) or unassigned with its reason", depot[1]).isTrue();
        }
        browser.findElement(By.cssSelector("#history-D1 ol.revisions > li summary")).click();
        scrollTo("history-heading");
        console.screenshot("plans-planner-revisions");
        console.phone();
        scrollTo("history-heading");
        console.screenshot("plans-planner-revisions-390x844");
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void runTheSampleDay() throws Exception {
        long id = operations.start(new RunOperations.StartRequest(SAMPLE_DAY, null, List.of(), 5.0)).getId();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            status = queries.detail(id).orElseThrow().status();
            if (!status.equals("STARTING") && !status.equals("STARTED")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status).as("the sample day's run").isEqualTo("COMPLETED");
    }

    /** The SHA-256 {@code GET /api/v1/plans/{date}} reports for a depot's file, with a planner's bearer token. */
    private String apiSha256(String depot, String name) throws Exception {
        String token = new TestTokens(security).token(Role.PLANNER);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(console.url("/api/v1/plans/" + SAMPLE_DAY))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode day = JsonMapper.builder().build().readTree(answer.body());
        for (JsonNode revision : day.get("depots")) {
            if (revision.get("depotId").asString().equals(depot)) {
                for (JsonNode file : revision.get("files")) {
                    if (file.get("name").asString().equals(name)) {
                        return file.get("sha256").asString();
                    }
                }
            }
        }
        throw new AssertionError(name + " of " + depot + " is not in the API's answer: " + answer.body());
    }
}
