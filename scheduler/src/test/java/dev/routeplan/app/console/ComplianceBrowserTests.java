package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.compliance.ComplianceProofs;
import dev.routeplan.app.compliance.Reverification.RouteChange;
import dev.routeplan.app.compliance.WhatIfs;
import dev.routeplan.app.runs.RunOperations;
import dev.routeplan.app.runs.RunQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /compliance} in a real browser on the sample day, planned by a real run of the service
 * (started through the runs use case as the Runs page does, at GRAP stage II as in season): a
 * compliance officer reads the night's report, one route's rule verdicts, asks what GRAP IV
 * would block (the answer the what-if use case gives for the same question), and withdraws those
 * routes after confirming. Screenshots at 1366x768 and 390x844 go to {@code target/screenshots/}.
 */
class ComplianceBrowserTests extends ConsoleBrowserTest {

    private static final LocalDate DATE = LocalDate.of(2026, 12, 15);

    @Autowired
    RunOperations operations;
    @Autowired
    RunQueries queries;
    @Autowired
    WhatIfs whatIfs;
    @Autowired
    ComplianceProofs proofs;

    @Test
    void anOfficerReadsTheNightsProofAsksWhatGrapFourWouldBlockAndWithdrawsThoseRoutes() throws Exception {
        planTheSampleDay();
        List<ComplianceProofs.RouteStanding> routes = proofs.routes(DATE);
        // the same question to the use case: the page must list exactly its answer
        List<RouteChange> grapFour = whatIfs.whatIf(DATE, new WhatIfs.Question(4, null, null), "test").newlyIllegal();
        assertThat(grapFour).as("routes planned at stage II that GRAP IV blocks").isNotEmpty();
        List<String> blockedByGrapFour = grapFour.stream().map(RouteChange::vehicleId).toList();

        console.signIn("kiran", PASSWORD);
        assertThat(browser.getCurrentUrl()).as("the officer's first page, at the latest verified date").endsWith("/compliance");
        assertThat(browser.findElement(By.id("report-heading")).getText()).isEqualTo("Report of " + DATE);
        assertThat(browser.findElement(By.id("routes-checked")).getText()).isEqualTo(String.valueOf(routes.size()));
        assertThat(browser.findElements(By.cssSelector("ul.documents a"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Compliance report (PDF)", "Evidence workbook (Excel)");
        assertThat(browser.findElements(By.cssSelector("table.compliance-routes tbody tr"))).hasSize(routes.size());
        console.screenshot("compliance-report");
        console.phone();
        console.screenshot("compliance-report-390x844");
        console.laptop();

        String vehicle = blockedByGrapFour.get(0);
        click(browser.findElement(By.cssSelector("#route-" + vehicle + " a")), "/compliance/routes/" + vehicle + "?date=" + DATE);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Route " + vehicle + " · " + DATE);
        List<WebElement> checks = browser.findElements(By.cssSelector("table.checks tbody tr"));
        assertThat(checks).hasSize(proofs.checks(DATE, vehicle).size()).allSatisfy(check -> {
            assertThat(check.findElement(By.cssSelector(".verdict")).getText()).isNotBlank();
            assertThat(check.findElements(By.cssSelector("dl.evidence dt"))).isNotEmpty();
        });
        console.screenshot("compliance-route");
        List<WebElement> opened = browser.findElements(By.cssSelector("table.checks details[open]"));
        if (!opened.isEmpty()) {
            // a failure's or a charge's evidence is shown open
            scrollTo(opened.get(0).findElement(By.xpath("ancestor::tr")));
            console.screenshot("compliance-route-evidence");
        }
        console.phone();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        console.screenshot("compliance-route-390x844");
        if (!opened.isEmpty()) {
            scrollTo(opened.get(0).findElement(By.xpath("ancestor::tr")));
            console.screenshot("compliance-route-evidence-390x844");
        }
        console.laptop();

        click(browser.findElement(By.cssSelector("p.crumbs a")), "/compliance?date=" + DATE);
        new Select(browser.findElement(By.id("grapStage"))).selectByValue("4");
        click(browser.findElement(By.cssSelector("#what-if form button[type=submit]")), "/compliance/what-if");

        WebElement answer = browser.findElement(By.id("what-if-answer"));
        assertThat(answer.findElement(By.cssSelector("p.answer")).getText()).startsWith("Under GRAP stage IV");
        assertThat(answer.findElements(By.cssSelector("tr[id^=illegal-] a.vehicle"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(blockedByGrapFour);
        assertThat(answer.getText()).contains(grapFour.get(0).failures().stream().map(ComplianceViews::ruleId).toList());
        scrollTo(browser.findElement(By.id("what-if")));
        console.screenshot("compliance-what-if-grap4");
        console.phone();
        scrollTo(answer);
        console.screenshot("compliance-what-if-grap4-390x844");
        console.laptop();

        click(answer.findElement(By.cssSelector("form.actions button[type=submit]")), "/compliance/withdraw");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Withdraw " + routes(blockedByGrapFour.size()) + " of " + DATE + "?");
        assertThat(browser.findElement(By.cssSelector("ul.what")).getText()).contains(blockedByGrapFour);
        console.screenshot("compliance-withdraw-confirm");
        console.phone();
        console.screenshot("compliance-withdraw-confirm-390x844");
        console.laptop();
        click(browser.findElement(By.cssSelector("form.actions button[type=submit]")), "/compliance?date=" + DATE);

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Withdrew " + routes(blockedByGrapFour.size()) + " of " + DATE + " under GRAP stage IV");
        blockedByGrapFour.forEach(withdrawn -> assertThat(
                browser.findElement(By.cssSelector("#route-" + withdrawn + " .status")).getText()).contains("BLOCKED"));
        assertThat(browser.findElement(By.id("routes-blocked")).getText())
                .isEqualTo(String.valueOf(proofs.routes(DATE).stream().filter(r -> r.status().equals("BLOCKED")).count()));
        console.screenshot("compliance-withdrawn");
        console.phone();
        console.screenshot("compliance-withdrawn-390x844");
    }

    /** The sample day, through the runs use case as the Runs page starts it; done when COMPLETED. */
    private void planTheSampleDay() throws Exception {
        long id = operations.start(new RunOperations.StartRequest(DATE, 2, List.of(), 2.0)).getId();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String status = "STARTING";
        while (!status.equals("COMPLETED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            status = queries.detail(id).orElseThrow().status();
            assertThat(status).as("run %d of %s", id, DATE).isNotIn("FAILED", "STOPPED", "ABANDONED");
        }
        assertThat(status).as("run %d of %s within 5 minutes", id, DATE).isEqualTo("COMPLETED");
    }

    /** Clicks and waits for the page it leads to, so what is read next is that page's. */
    private void click(WebElement element, String pathAndQuery) {
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(page -> page.getCurrentUrl().endsWith(pathAndQuery));
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private static String routes(int count) {
        return count + (count == 1 ? " route" : " routes");
    }
}
