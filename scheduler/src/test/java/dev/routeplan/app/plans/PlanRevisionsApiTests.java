package dev.routeplan.app.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.digest.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A depot whose plan changed after publication has two revisions; the earlier one's files stay downloadable. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanRevisionsApiTests {

    static final LocalDate DATE = LocalDate.of(2027, 3, 31);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    Path folder;
    Path published;

    /** Publishes the sample day, withdraws one route of D1, and publishes the stored plan again (not re-planned). */
    @BeforeAll
    void publishTwoRevisionsOfDepotD1(@Autowired PlanRuns runs, @Autowired PlanStore plans) throws Exception {
        folder = Files.createTempDirectory("routeplan-revisions-api");
        published = SampleDays.publish(runs, DATE, folder);
        SampleDays.withdrawARouteAndRepublish(runs, plans, DATE, "D1");
    }

    @AfterAll
    void deleteItsFiles() throws Exception {
        SampleDays.delete(folder);
    }

    @Test
    void listsTheCurrentRevisionFirstThenTheEarlierOneWithItsKeptFiles() throws Exception {
        mvc.perform(get("/api/v1/plans/{date}/depots/D1", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.revision").value(2))
                .andExpect(jsonPath("$.history[*].revision").value(contains(2, 1)))
                .andExpect(jsonPath("$.history[*].current").value(contains(true, false)))
                .andExpect(jsonPath("$.history[1].files", hasSize(3)))
                .andExpect(jsonPath("$.history[1].files[?(@.name == 'plan-D1.xlsx')].url")
                        .value("/api/v1/plans/" + DATE + "/depots/D1/files/plan-D1.xlsx?revision=1"));
        mvc.perform(get("/api/v1/plans/{date}/depots/D2", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(jsonPath("$.history[*].revision").value(contains(1)));
    }

    @Test
    void downloadsTheEarlierRevisionsKeptFileByItsNumber() throws Exception {
        MvcResult kept = mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/plan-D1.xlsx", DATE).param("revision", "1")
                        .with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andReturn();
        MvcResult current = mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/plan-D1.xlsx", DATE)
                        .with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andReturn();

        assertThat(Sha256.hex(kept.getResponse().getContentAsByteArray()))
                .isEqualTo(Sha256.hex(published.resolve("D1/revisions/r1/plan-D1.xlsx")))
                .isNotEqualTo(Sha256.hex(current.getResponse().getContentAsByteArray()));
        assertThat(Sha256.hex(current.getResponse().getContentAsByteArray()))
                .isEqualTo(Sha256.hex(published.resolve("D1/plan-D1.xlsx")));
        mvc.perform(get("/api/v1/plans/{date}/depots/D1/files/plan-D1.xlsx", DATE).param("revision", "3")
                        .with(tokens.as(Role.PLANNER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/{date}/files/routes.csv", DATE).param("revision", "1").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk());
    }
}
