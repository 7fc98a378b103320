package dev.routeplan.app.plans;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
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

/** A planner sees what a date took in: each file with its SHA-256 and counts, and the refused rows page by page. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanInputsApiTests {

    static final LocalDate DATE = LocalDate.of(2027, 3, 21);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    Path folder;

    @BeforeAll
    void takeTheSampleDayIn(@Autowired PlanRuns runs) throws Exception {
        folder = Files.createTempDirectory("routeplan-inputs-api");
        SampleDays.ingest(runs, DATE, folder);
    }

    @AfterAll
    void deleteItsFiles() throws Exception {
        SampleDays.delete(folder);
    }

    @Test
    void listsTheFilesTakenInWithTheirSha256AndCounts() throws Exception {
        mvc.perform(get("/api/v1/inputs/{date}", DATE).with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files[*].name").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "orders.csv", "fleet.csv", "depots.csv", "grap.csv")))
                .andExpect(jsonPath("$.files[?(@.name == 'orders.csv')].sha256")
                        .value(Sha256.hex(SampleDays.samples().resolve("orders.csv"))))
                .andExpect(jsonPath("$.files[?(@.name == 'orders.csv')].kind").value("ORDERS"))
                .andExpect(jsonPath("$.files[?(@.name == 'orders.csv')].source").value("LOCAL"))
                .andExpect(jsonPath("$.files[?(@.name == 'orders.csv')].rowsRead").value(304))
                .andExpect(jsonPath("$.files[?(@.name == 'orders.csv')].rowsAccepted").value(300))
                .andExpect(jsonPath("$.files[?(@.name == 'orders.csv')].rowsRejected").value(4));
    }

    @Test
    void pagesThroughTheRejectedRowsInFileAndRowOrder() throws Exception {
        mvc.perform(get("/api/v1/rejects/{date}", DATE).param("size", "3").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[*].orderId").value(contains("ORD-0301", "ORD-0302", "ORD-0303")))
                .andExpect(jsonPath("$.items[0].file").value("orders.csv"))
                .andExpect(jsonPath("$.items[0].row").isNumber())
                .andExpect(jsonPath("$.items[0].reasonCodes").isNotEmpty())
                .andExpect(jsonPath("$.items[0].raw").value(containsString("ORD-0301")));
        mvc.perform(get("/api/v1/rejects/{date}", DATE).param("page", "1").param("size", "3").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].orderId").value(contains("ORD-0304")))
                .andExpect(jsonPath("$.items[0].reasonCodes").value(hasItem(org.hamcrest.Matchers.notNullValue())));
    }

    @Test
    void refusesAPageSizeOutOfBounds() throws Exception {
        mvc.perform(get("/api/v1/rejects/{date}", DATE).param("size", "100000").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/rejects/{date}", DATE).param("page", "-1").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void isForPlanners() throws Exception {
        mvc.perform(get("/api/v1/rejects/{date}", DATE).with(tokens.as(Role.COMPLIANCE))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inputs/{date}", DATE).with(tokens.as(Role.OPS))).andExpect(status().isForbidden());
    }
}
