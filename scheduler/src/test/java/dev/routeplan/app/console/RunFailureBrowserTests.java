package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import dev.routeplan.batch.store.PlanStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A run that fails in the browser and is restarted there: the sample day's first depot write in
 * the optimise step fails, as a database outage would (the stand-in RunsApiTests and
 * RestartAfterOptimiseFailureTests use; no input makes a partition fail that a restart could then
 * complete: a file that cannot be read is refused whole before any row, and a restart reads the
 * copy the first attempt staged, not the input folder). The operator sees FAILED with
 * the step, the depot's partition and the reason in words, confirms the restart beside the reason
 * and watches the run complete without a reload; the list shows the date's figures.
 * A planner then reads the date's rejected rows and downloads their workbook. Screenshots at
 * 1366x768 and 390x844 go to {@code target/screenshots/}.
 */
// the first types its depots, which the start form offers as a text field only until a date has been planned
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunFailureBrowserTests extends ConsoleBrowserTest {

    private static final LocalDate DATE = LocalDate.of(2026, 12, 7);

    @Autowired
    JdbcClient jdbc;
    // a real store whose first route write fails, as a lost database connection would
    @MockitoSpyBean
    PlanStore planStore;

    @Test
    @Order(1)
    void opsSeesTheFailedPartitionRestartsItBesideTheReasonAndAPlannerReadsTheRejects() throws Exception {
        // given a depot whose routes cannot be written the first time
        doThrow(new IllegalStateException("connection reset while writing routes")).doCallRealMethod()
                .when(planStore).replace(any(), any());

        console.signIn("asha", PASSWORD);
        console.open("/runs");
        console.setDate(browser.findElement(By.id("planDate")), DATE.toString());
        new Select(browser.findElement(By.id("grapStage"))).selectByValue("0");
        // the depots offered are the newest date's; the service has planned none yet, so they are typed
        WebElement depots = browser.findElement(By.id("depots"));
        depots.sendKeys("D1, D2, D3");
        console.clickThrough(browser.findElement(By.cssSelector("#start-heading + form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Start " + DATE + "?");
        assertThat(browser.findElement(By.cssSelector("ul.what")).getText())
                .contains("GRAP stage 0 is in force for the whole day", "Only depots D1, D2, D3 are planned");
        console.screenshot("run-start-confirm-depots-ops");
        console.clickThrough(browser.findElement(By.cssSelector("form.actions button[type=submit]")));
        assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+");
        String failedId = browser.getCurrentUrl().replaceAll(".*/runs/", "");
        console.markNotReloaded();

        // when the depot's partition fails, the page says so by itself
        awaitStatus("FAILED", Duration.ofMinutes(3));
        assertThat(console.stillTheSamePage()).as("the run's page was not reloaded").isTrue();
        WebElement failure = browser.findElement(By.cssSelector("section.failure"));
        assertThat(failure.findElement(By.tagName("h2")).getText()).isEqualTo("Why it failed");
        assertThat(browser.findElement(By.id("failed-step")).getText()).isEqualTo("optimise");
        String partition = browser.findElement(By.id("failed-partition")).getText();
        assertThat(partition).matches("depot-D\\d");
        String depot = partition.replace("depot-", "");
        assertThat(browser.findElement(By.id("failure-sentence")).getText())
                .isEqualTo("Step optimise failed in partition depot-" + depot + ": connection reset while writing routes.");
        assertThat(browser.findElement(By.id("failure-reason")).getText()).isEqualTo("connection reset while writing routes");
        assertThat(browser.findElement(By.cssSelector("tr.partition .status-FAILED")).getText()).isEqualTo("FAILED");
        assertThat(browser.findElements(By.cssSelector("ol.timeline rect.status-FAILED"))).as("the step and its partition in red").hasSize(2);
        assertThat(restartButtonBesideTheReason()).isTrue();
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).as("the start's choices, kept by the run")
                .contains("GRAP stage\n0", "Depots\nD1, D2, D3");
        WebElement restart = failure.findElement(By.id("restart-failed"));
        assertThat(restart.getDomAttribute("aria-label")).isEqualTo("Restart run " + failedId + " from step optimise");
        console.screenshot("run-failed-ops");
        console.phone();
        console.screenshot("run-failed-ops-390x844");
        console.laptop();

        // then it is restarted from beside its reason
        console.clickThrough(browser.findElement(By.id("restart-failed")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Restart run " + failedId + "?");
        assertThat(browser.findElement(By.cssSelector("ul.what")).getText()).contains("at step optimise, where partition depot-"
                + depot + " did not complete; in a partitioned step only the partitions that did not complete run again");
        console.screenshot("run-restart-confirm-ops");
        console.clickThrough(browser.findElement(By.cssSelector("form.actions button[type=submit]")));
        assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+");
        String restartedId = browser.getCurrentUrl().replaceAll(".*/runs/", "");
        assertThat(restartedId).isNotEqualTo(failedId);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Run " + failedId + " restarted as run " + restartedId + ".");
        console.markNotReloaded();
        awaitStatus("COMPLETED", Duration.ofMinutes(4));
        assertThat(console.stillTheSamePage()).as("the restarted run's page was not reloaded").isTrue();
        assertThat(browser.findElements(By.cssSelector("section.failure"))).isEmpty();
        List<String> steps = browser.findElements(By.cssSelector("tr.step th")).stream().map(WebElement::getText).toList();
        assertThat(steps).as("the restart begins at the failed step").startsWith("optimise").contains("publish", "deliver")
                .doesNotContain("fetch", "fleet", "ingest");
        assertThat(browser.findElements(By.cssSelector("tr.partition th")).stream().map(WebElement::getText))
                .as("of the optimise partitions, only the failed depot's ran again").contains("optimiseDepot:depot-" + depot)
                .noneMatch(name -> name.startsWith("optimiseDepot:") && !name.equals("optimiseDepot:depot-" + depot));
        assertThat(browser.findElements(By.cssSelector("tr.step .status, tr.partition .status")))
                .allSatisfy(status -> assertThat(status.getText()).isEqualTo("COMPLETED"));
        console.screenshot("run-restarted-completed-ops");

        // the list: the failed run and its completed restart, the date's figures on the newest
        console.open("/runs");
        WebElement row = browser.findElement(By.id("run-" + restartedId));
        assertThat(row.findElement(By.cssSelector("td.orders")).getText()).isEqualTo(String.valueOf(count("orders", "")));
        assertThat(row.findElement(By.cssSelector("td.routes")).getText()).isEqualTo(String.valueOf(count("routes", "")));
        assertThat(row.findElement(By.cssSelector("td.blocked")).getText())
                .isEqualTo(String.valueOf(count("routes", " and status = 'BLOCKED'")));
        assertThat(row.findElement(By.cssSelector("td.unassigned")).getText()).isEqualTo(String.valueOf(count("unassigned_orders", "")));
        assertThat(Long.parseLong(row.findElement(By.cssSelector("td.orders")).getText())).isPositive();
        WebElement failedRow = browser.findElement(By.id("run-" + failedId));
        assertThat(failedRow.findElement(By.cssSelector(".status")).getText()).isEqualTo("FAILED");
        assertThat(failedRow.findElement(By.cssSelector("td.orders")).getText()).as("no figures on a run since replaced").isEmpty();
        assertThat(failedRow.findElement(By.cssSelector("td.exit")).getText())
                .isEqualTo("Step optimise failed in partition depot-" + depot + ": connection reset while writing routes.");
        console.screenshot("runs-ops-forms");
        scrollTo(row);
        console.screenshot("runs-with-figures-ops");
        console.phone();
        console.screenshot("runs-ops-forms-390x844");
        scrollTo(browser.findElement(By.id("run-" + restartedId)));
        console.screenshot("runs-with-figures-ops-390x844");
        console.laptop();

        // a backfill range that ends before it begins is said beside its end, and nothing is asked or run
        browser.findElement(By.cssSelector("details.backfill summary")).click();
        console.setDate(browser.findElement(By.id("backfillFrom")), "2026-12-10");
        console.setDate(browser.findElement(By.id("backfillTo")), "2026-12-01");
        console.clickThrough(browser.findElement(By.cssSelector("details.backfill button[type=submit]")));
        assertThat(browser.findElement(By.id("backfillTo-error")).getText())
                .isEqualTo("The range ends before it begins: 'to' must be 2026-12-10 or later.");
        assertThat(browser.findElement(By.id("backfillTo")).getDomAttribute("aria-describedby")).isEqualTo("backfillTo-error");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Runs");
        console.screenshot("runs-backfill-bad-range-ops");
        console.phone();
        scrollTo(browser.findElement(By.id("backfillTo")));
        console.screenshot("runs-backfill-bad-range-ops-390x844");
        console.laptop();
        console.signOut();

        // a planner reads the date's rejected rows and takes their workbook
        console.signIn("ravi", PASSWORD);
        console.open("/runs/" + restartedId);
        assertThat(browser.findElements(By.id("restart-failed"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Restart…");
        WebElement rejects = browser.findElement(By.id("rejects"));
        long rejected = count("order_rejects", "");
        assertThat(rejected).as("the sample day has rejected rows").isPositive();
        assertThat(rejects.findElement(By.tagName("h2")).getText()).isEqualTo("Rejected rows of " + DATE);
        assertThat(rejects.findElement(By.cssSelector("p.count")).getText()).isEqualTo(rejected + (rejected == 1 ? " row rejected" : " rows rejected"));
        List<WebElement> rows = rejects.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize((int) Math.min(rejected, 20));
        assertThat(rows.get(0).findElement(By.cssSelector("td[data-label=File]")).getText()).isEqualTo("orders.csv");
        assertThat(rows.get(0).findElements(By.cssSelector(".reason"))).isNotEmpty();
        assertThat(rows.get(0).findElement(By.cssSelector("td[data-label=Message]")).getText()).isNotBlank();
        WebElement download = rejects.findElement(By.cssSelector("ul.downloads a"));
        assertThat(download.getText()).isEqualTo("Download orders.csv.rejects.xlsx");
        scrollTo(rejects);
        console.screenshot("run-rejects-planner");
        console.phone();
        scrollTo(browser.findElement(By.id("rejects")));
        console.screenshot("run-rejects-planner-390x844");
        console.laptop();

        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> workbook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(download.getDomProperty("href"))).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type")).hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(workbook.body()).as("the workbook as the ingest step wrote it")
                .isEqualTo(Files.readAllBytes(folder().resolve("out").resolve(DATE.toString()).resolve("rejects").resolve("orders.csv.rejects.xlsx")));
    }

    /** The restart button is in the failure's box, under its reason: one look, one click. */
    @Test
    @Order(2)
    void aBadFleetFileFailsItsStepNamingRowAndFieldAndTheDateRunsOnceTheFileIsFixed() throws Exception {
        // given a fleet file whose first vehicle belongs to a depot that does not exist
        LocalDate date = DATE.plusDays(1);
        Path fleet = folder().resolve("input/fleet.csv");
        String good = Files.readString(fleet);
        String[] lines = good.split("\n", 3);
        Files.writeString(fleet, lines[0] + "\n" + lines[1].replaceFirst(",D\\d+,", ",D9,") + "\n" + lines[2]);
        String failedId;
        try {
            console.signIn("asha", PASSWORD);
            failedId = start(date);

            // the run fails in the fleet step, and its page says where in the file and why
            awaitStatus("FAILED", Duration.ofMinutes(2));
            assertThat(browser.findElement(By.id("failed-step")).getText()).isEqualTo("fleet");
            assertThat(browser.findElement(By.id("failure-sentence")).getText())
                    .startsWith("Step fleet failed")
                    .contains("fleet.csv", "row 2", "depot_id", "\"D9\" is not in depots.csv")
                    .doesNotContain("Exception");
            console.screenshot("run-failed-bad-fleet-ops");
        } finally {
            Files.writeString(fleet, good);
        }

        // once the file is fixed, the date is started again (a restart would read the copy the failed run took)
        String secondId = start(date);
        assertThat(secondId).isNotEqualTo(failedId);
        awaitStatus("COMPLETED", Duration.ofMinutes(4));
        console.open("/runs");
        assertThat(browser.findElement(By.cssSelector("#run-" + secondId + " .status")).getText()).isEqualTo("COMPLETED");
        assertThat(browser.findElement(By.cssSelector("#run-" + secondId + " td.orders")).getText()).isNotBlank();
    }

    /** Starts the date from the runs page after its confirmation; the new run's id. */
    private String start(LocalDate date) {
        console.open("/runs");
        console.setDate(browser.findElement(By.id("planDate")), date.toString());
        console.clickThrough(browser.findElement(By.cssSelector("#start-heading + form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Start " + date + "?");
        console.clickThrough(browser.findElement(By.cssSelector("form.actions button[type=submit]")));
        assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+");
        return browser.getCurrentUrl().replaceAll(".*/runs/", "");
    }

    private boolean restartButtonBesideTheReason() {
        WebElement reason = browser.findElement(By.id("failure-sentence"));
        WebElement button = browser.findElement(By.id("restart-failed"));
        int gap = button.getRect().getY() - (reason.getRect().getY() + reason.getRect().getHeight());
        return gap >= 0 && gap < 200 && button.isDisplayed();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
    }

    private void awaitStatus(String status, Duration within) {
        new WebDriverWait(browser, within).pollingEvery(Duration.ofMillis(500))
                // htmx swaps the run's part of the page every 2 s: an element found may be gone a moment later
                .ignoring(StaleElementReferenceException.class)
                .until(page -> page.findElement(By.id("run-status")).getText().equals(status));
    }

    private long count(String table, String where) {
        return jdbc.sql("select count(*) from " + table + " where plan_date = ?" + where).param(DATE).query(Long.class).single();
    }
}
