package dev.routeplan.app.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium, through its chromedriver, on the console at a loopback port: what
 * the browser tests do as a person would (sign in, open a page, fill a date) and the screenshots
 * they leave in {@code target/screenshots/} for a person to look at. One per test; {@link #close()} after.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** The laptop size; {@link #phone()} is the other one the console is made for. */
    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final int port;
    private final Path profile;
    private final WebDriver driver;

    ConsoleBrowser(int port) {
        this.port = port;
        try {
            this.profile = Files.createTempDirectory("routeplan-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + LAPTOP.getWidth() + "," + LAPTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    WebDriver driver() {
        return driver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void signIn(String name, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        clickThrough(driver.findElement(By.cssSelector("form.stack button[type=submit]")));
    }

    /**
     * Clicks a link or a form's button and waits for the page it leads to: a click returns once
     * the browser has the event, and on a busy machine the next page may not have replaced the
     * old one yet (a find would then see the old page, or none).
     */
    void clickThrough(WebElement control) {
        WebElement page = driver.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(replaced -> isGone(page));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(loaded -> "complete".equals(script("return document.readyState")));
    }

    /**
     * Whether the element's page has been replaced. Chromium reports a node of a replaced page
     * either as stale or, under load, as "does not belong to the document"; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void signOut() {
        // through to the signed-out page: a sign-in right after must not type into a page still being replaced
        clickThrough(driver.findElement(By.cssSelector(".me button[type=submit]")));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().endsWith("/login?signedOut"));
    }

    /** The links of the navigation bar, as read. */
    List<String> navigation() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }

    /** Sets a date input as its picker would (typing into one depends on the browser's locale). */
    void setDate(WebElement input, String isoDate) {
        script("arguments[0].value = arguments[1]", input, isoDate);
    }

    /** A mark on the page's window that a reload would wipe out; {@link #stillTheSamePage()} reads it. */
    void markNotReloaded() {
        script("window.routeplanNotReloaded = true");
    }

    boolean stillTheSamePage() {
        return Boolean.TRUE.equals(script("return window.routeplanNotReloaded === true"));
    }

    void laptop() {
        driver.manage().window().setSize(LAPTOP);
    }

    void phone() {
        driver.manage().window().setSize(PHONE);
    }

    /** Saves what the window shows as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) {
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
