package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.schedule.DeadlineMonitor;
import dev.routeplan.app.security.ServiceTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The banner every console page carries while something the night needs is down, or a night
 * misses its publish-by time: here the mail server and the SFTP outbox are down (closed loopback
 * ports), the database and the schedule up.
 */
@ServiceTest
class HealthBannerTests {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Autowired
    MockMvc mvc;
    @Autowired
    HealthContributorRegistry health;
    @Autowired
    DeadlineMonitor deadlines;

    @DynamicPropertySource
    static void deliveryChannelsDown(DynamicPropertyRegistry registry) {
        LoopbackPorts.deliveryChannelsDown(registry);
    }

    @Test
    void warnsEveryoneSignedInOfEachDeliveryChannelThatIsDown() throws Exception {
        for (String role : new String[] {"OPS", "PLANNER"}) {
            Document page = page(get("/runs").with(user("banner-" + role).roles(role)));

            assertThat(page.select(".health-banner").attr("role")).isEqualTo("alert");
            assertThat(page.select(".health-banner li")).extracting(li -> li.text()).as(role)
                    .anySatisfy(warning -> assertThat(warning).startsWith("The SFTP outbox (plan delivery) is down: ")
                            .as("the reason, without the exception's class name").doesNotContain("Exception"))
                    .anySatisfy(warning -> assertThat(warning).startsWith("The mail server (plan and report delivery) is down"))
                    .noneSatisfy(warning -> assertThat(warning).startsWith("The database"))
                    .noneSatisfy(warning -> assertThat(warning).startsWith("The scheduler"));
        }
    }

    @Test
    void tellsNobodyNotSignedInWhatIsDown() throws Exception {
        assertThat(page(get("/login")).select(".health-banner")).isEmpty();
    }

    @Test
    void warnsOfANightPastItsPublishByTimeAsTheDeadlineMonitorLastSawIt() throws Exception {
        Instant sixMinutesLate = ZonedDateTime.of(2026, 12, 10, 5, 36, 0, 0, IST).toInstant();
        HealthBanner banner = new HealthBanner(health, deadlines);
        assertThat(banner.warnings(sixMinutesLate)).noneSatisfy(warning -> assertThat(warning).startsWith("Deadline"));

        deadlines.check(sixMinutesLate);

        HealthBanner afterTheCheck = new HealthBanner(health, deadlines);
        assertThat(afterTheCheck.warnings(sixMinutesLate)).anySatisfy(warning -> assertThat(warning)
                .startsWith("Deadline missed (publish-by 05:30 IST): the plans of 2026-12-11 were not published by 05:30 IST"));
        assertThat(banner.warnings(sixMinutesLate)).as("a banner keeps its answer for %s: health checks open connections", HealthBanner.KEPT_FOR)
                .noneSatisfy(warning -> assertThat(warning).startsWith("Deadline"));
    }

    private Document page(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }
}
