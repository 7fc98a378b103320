package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's chromium, headless, through its chromedriver) against
 * the service on a loopback port with PostgreSQL, users made through the store {@code routeplan
 * user add} writes. Screenshots of each page and role go to {@code target/screenshots/}.
 */
class ConsoleBrowserTests extends ConsoleBrowserTest {

    @Test
    void refusesAWrongPasswordWithAMessage() {
        console.open("/runs");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        console.screenshot("login");

        console.signIn("asha", "not the password");

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Wrong name or password.");
        console.screenshot("login-wrong-password");
    }

    @Test
    void showsEachRoleOnlyItsPagesAndWhoIsSignedIn() {
        console.signIn("asha", PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/runs");
        assertThat(console.navigation()).containsExactly("Runs", "Schedules");
        assertThat(browser.findElement(By.cssSelector(".me")).getText()).contains("asha", "(OPS)", "Sign out");
        assertThat(browser.findElements(By.id("planDate"))).as("OPS may start a date").hasSize(1);
        console.screenshot("runs-ops-empty");
        console.signOut();

        console.signIn("ravi", PASSWORD);
        assertThat(console.navigation()).containsExactly("Runs", "Plans");
        console.screenshot("runs-planner-empty");
        console.open("/schedules");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        console.screenshot("denied-planner");
        console.signOut();

        console.signIn("kiran", PASSWORD);
        assertThat(browser.getCurrentUrl()).as("the first page COMPLIANCE may open").endsWith("/compliance");
        assertThat(console.navigation()).containsExactly("Compliance");
        console.signOut();

        console.signIn("meera", PASSWORD);
        assertThat(console.navigation()).as("ADMIN implies every role").containsExactly("Runs", "Plans", "Compliance", "Schedules", "Audit");
        assertThat(browser.findElement(By.cssSelector(".me")).getText()).contains("meera", "(ADMIN)");
        assertThat(browser.findElements(By.id("planDate"))).as("ADMIN may start a date").hasSize(1);
        console.screenshot("runs-admin");
        console.open("/audit");
        console.screenshot("audit-admin-after-sign-ins");
        console.signOut();
        assertThat(browser.getCurrentUrl()).endsWith("/login?signedOut");
    }

    @Test
    void opsStartsTheSampleDayAndWatchesItCompleteWithoutReloading() {
        console.signIn("asha", PASSWORD);
        // the list, left open in its own tab: it must show the run complete by itself
        String listTab = browser.getWindowHandle();
        console.markNotReloaded();

        browser.switchTo().newWindow(WindowType.TAB);
        console.open("/runs");
        WebElement date = browser.findElement(By.id("planDate"));
        console.setDate(date, "2026-12-05");
        console.clickThrough(browser.findElement(By.cssSelector("#start-heading + form button[type=submit]")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Start 2026-12-05?");
        assertThat(browser.findElement(By.cssSelector("ul.what")).getText())
                .contains("Plans 2026-12-05 again from the service's input folder", "replaces that date's plans");
        console.screenshot("start-confirm-ops");
        console.clickThrough(browser.findElement(By.cssSelector("form.actions button[type=submit]")));

        assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+");
        String id = browser.getCurrentUrl().replaceAll(".*/runs/", "");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Started 2026-12-05 as run " + id + ".");
        console.markNotReloaded();
        assertThat(browser.findElement(By.id("main")).getDomAttribute("sse-connect")).as("the page follows the run's event stream")
                .isEqualTo("/runs/" + id + "/events");
        assertThat(String.valueOf(browser.findElement(By.id("run-detail")).getDomAttribute("hx-trigger"))).doesNotContain("every");
        console.screenshot("run-detail-running-ops");
        new WebDriverWait(browser, Duration.ofMinutes(4)).pollingEvery(Duration.ofMillis(500))
                // htmx swaps the run's part of the page every 2 s: an element found may be gone a moment later
                .ignoring(StaleElementReferenceException.class)
                .until(page -> page.findElement(By.id("run-status")).getText().equals("COMPLETED"));
        assertThat(console.stillTheSamePage()).as("the run's page was not reloaded").isTrue();
        List<WebElement> steps = browser.findElements(By.cssSelector("tr.step"));
        assertThat(steps).extracting(step -> step.findElement(By.tagName("th")).getText())
                .containsExactly("fetch", "fleet", "ingest", "optimise", "verify", "publish", "deliver");
        assertThat(browser.findElements(By.cssSelector("tr.step .status, tr.partition .status")))
                .allSatisfy(status -> {
                    assertThat(status.getText()).isEqualTo("COMPLETED");
                    assertThat(status.getCssValue("color")).as("green").isEqualTo("rgba(26, 127, 55, 1)");
                });
        assertThat(browser.findElements(By.cssSelector("tr.partition"))).as("the depot and file partitions").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("ol.timeline rect.status-COMPLETED"))).isNotEmpty();
        console.screenshot("run-detail-completed-ops");

        browser.switchTo().window(listTab);
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .until(page -> !page.findElements(By.cssSelector("#run-" + id + " .status")).isEmpty()
                        && page.findElement(By.cssSelector("#run-" + id + " .status")).getText().equals("COMPLETED"));
        assertThat(console.stillTheSamePage()).as("the list was not reloaded").isTrue();
        assertThat(browser.findElement(By.id("run-" + id)).getText()).contains("2026-12-05");
        console.screenshot("runs-ops");

        console.phone();
        browser.navigate().refresh();
        console.screenshot("runs-ops-390x844");
        console.open("/runs/" + id);
        console.screenshot("run-detail-ops-390x844");
    }

    @Test
    void showsAPlannerNoActionAndRefusesItsPostAtTheServer() throws Exception {
        console.signIn("ravi", PASSWORD);
        console.open("/runs");

        assertThat(browser.findElements(By.id("planDate"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Restart").doesNotContain("/runs/start");
        console.screenshot("runs-planner");

        // the page's own session and CSRF token, as a planner's browser would send them with a forged form
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        String csrf = browser.findElement(By.cssSelector("meta[name=_csrf]")).getDomAttribute("content");
        String form = "planDate=2026-12-06&confirmed=yes&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console.url("/runs/start")))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).as("refused for the role, the token being good").contains("Your roles do not allow");
        HttpResponse<String> withoutToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console.url("/runs/start")))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("planDate=2026-12-06&confirmed=yes")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(withoutToken.body()).contains("The form was out of date");
    }

    @Test
    void opsPausesAScheduleAfterAskingAndTheAdminFindsItOnTheAuditPage() {
        console.signIn("asha", PASSWORD);
        console.open("/schedules");
        WebElement nightly = browser.findElement(By.id("schedule-nightly-plan"));
        assertThat(nightly.findElement(By.cssSelector("code.cron")).getText()).isEqualTo("0 30 1 * * ?");
        assertThat(nightly.findElement(By.cssSelector("td.zone")).getText()).isEqualTo("Asia/Kolkata");
        assertThat(nightly.findElement(By.cssSelector("td.next")).getText()).as("the next 01:30 IST").endsWith(", 01:30:00");
        assertThat(nightly.findElement(By.cssSelector(".state")).getText()).isEqualTo("SCHEDULED");
        console.screenshot("schedules-ops");

        console.clickThrough(nightly.findElement(By.cssSelector("button[aria-label='Pause schedule nightly-plan']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pause schedule nightly-plan?");
        console.screenshot("schedules-pause-confirm-ops");
        console.clickThrough(browser.findElement(By.cssSelector("form.actions button[type=submit]")));

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Schedule nightly-plan paused.");
        nightly = browser.findElement(By.id("schedule-nightly-plan"));
        assertThat(nightly.findElement(By.cssSelector(".state")).getText()).contains("PAUSED");
        assertThat(nightly.findElements(By.cssSelector("button[aria-label='Resume schedule nightly-plan']"))).hasSize(1);

        nightly.findElement(By.cssSelector("summary")).click();
        WebElement cron = browser.findElement(By.id("cron-nightly-plan"));
        cron.clear();
        cron.sendKeys("30 1 * * *");
        console.clickThrough(browser.findElement(By.cssSelector("#schedule-nightly-plan form.stack button[type=submit]")));
        assertThat(browser.findElement(By.id("cron-error-nightly-plan")).getText()).contains("not a Quartz cron expression");
        assertThat(browser.findElement(By.cssSelector("#schedule-nightly-plan code.cron")).getText()).isEqualTo("0 30 1 * * ?");
        console.screenshot("schedules-bad-cron-ops");
        console.phone();
        console.open("/schedules");
        console.screenshot("schedules-ops-390x844");
        console.laptop();
        console.signOut();

        console.signIn("meera", PASSWORD);
        console.open("/audit?subject=asha");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.audit tbody tr"));
        assertThat(rows).first().satisfies(row -> assertThat(row.getText())
                .contains("asha", "SCHEDULE_PAUSE", "schedule nightly-plan", "127.0.0.1", "SUCCEEDED"));
        console.screenshot("audit-admin");
        Select action = new Select(browser.findElement(By.id("action")));
        action.selectByValue("SCHEDULE_RESUME");
        console.clickThrough(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("p.count")).getText()).isEqualTo("No audit rows match.");
        console.phone();
        console.open("/audit?subject=asha");
        console.screenshot("audit-admin-390x844");
    }
}
