package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The health banner as a person sees it, in chromium: the service on the embedded default with
 * its SFTP outbox and mail server down (closed loopback ports). Screenshots at both sizes.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:routeplan-banner-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "routeplan.security.signing-key=target/test-keys/console-banner/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN"
})
class HealthBannerBrowserTests {

    private static final String PASSWORD = "banner test password";

    @DynamicPropertySource
    static void deliveryChannelsDown(DynamicPropertyRegistry registry) {
        LoopbackPorts.deliveryChannelsDown(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    SecurityProperties security;

    @Test
    void showsOpsWhichDeliveryChannelsAreDownAboveEveryPage() {
        new ConsoleTestUsers(security).replace("asha", Set.of(Role.OPS), PASSWORD);
        try (ConsoleBrowser console = new ConsoleBrowser(port)) {
            console.open("/runs");
            assertThat(console.driver().findElements(By.cssSelector(".health-banner"))).as("not before signing in").isEmpty();

            console.signIn("asha", PASSWORD);

            WebElement banner = console.driver().findElement(By.cssSelector(".health-banner"));
            assertThat(banner.isDisplayed()).isTrue();
            assertThat(banner.getText()).contains("The SFTP outbox (plan delivery) is down",
                    "The mail server (plan and report delivery) is down");
            assertThat(banner.getCssValue("color")).as("the console's red").isEqualTo("rgba(180, 35, 24, 1)");
            console.screenshot("health-banner-ops");
            console.open("/schedules");
            assertThat(console.driver().findElement(By.cssSelector(".health-banner")).getText())
                    .contains("The SFTP outbox (plan delivery) is down");
            console.phone();
            console.open("/runs");
            console.screenshot("health-banner-ops-390x844");
        }
    }
}
