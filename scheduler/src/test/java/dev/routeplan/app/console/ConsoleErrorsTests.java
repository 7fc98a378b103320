package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.routeplan.app.security.ServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** A console address that leads nowhere answers a console page (with its navigation), never the API's JSON. */
@ServiceTest
class ConsoleErrorsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void saysARunAddressThatIsNotANumberIsNotUnderstood() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/runs/12abc").with(user("errors").roles("OPS"))).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentType()).startsWith("text/html");
        Document page = Jsoup.parse(answer.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Not understood");
        assertThat(page.select("main p").first().text()).isEqualTo("The address has id \"12abc\", which is not one.");
        assertThat(page.select("header nav a").eachText()).as("the navigation, as on every page").containsExactly("Runs", "Schedules");
        assertThat(page.select("main a").attr("href")).isEqualTo("/");
    }

    @Test
    void saysThereIsNoSuchRun() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/runs/987654").with(user("errors").roles("PLANNER"))).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(404);
        Document page = Jsoup.parse(answer.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("No such run");
        assertThat(page.select("main p").first().text()).isEqualTo("There is no run 987654.");
    }
}
