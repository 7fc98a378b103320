package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ArtifactKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The runs pages' actions as an operator uses them: a start with a GRAP stage and depots, a
 * backfill, a recovery and an abandonment, each asked first on a page that says what will happen
 * and done only once confirmed; a bad field said beside it with nothing done; each refused to a
 * planner at the server. A failed run's page says why in words and names the failed partition;
 * a date's rejects workbook is handed out to a planner as the rejects API hands it out. Runs are made in
 * the job repository as a process leaves them, dates far from any other test's.
 */
@ServiceTest
class RunsPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestTokens tokens;
    @TempDir
    Path temp;

    private final String subject = "runs-page-" + UUID.randomUUID();
    private final RequestPostProcessor ops = user(subject).roles("OPS");
    private final RequestPostProcessor planner = user(subject).roles("PLANNER");

    @Test
    void startAsksWithTheGrapStageAndDepotsChosenAndStartsNothingBeforeTheYes() throws Exception {
        String page = mvc.perform(post("/runs/start").with(ops).with(csrf()).param("planDate", "2999-02-01")
                        .param("grapStage", "3").param("depots", "D1", "D3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("Start 2999-02-01?", "GRAP stage 3 is in force for the whole day",
                "Only depots D1, D3 are planned", "the other depots' plans stay as they are", "Yes, start");
        assertThat(page).contains("name=\"depots\" value=\"D1,D3\"", "name=\"grapStage\" value=\"3\"",
                "name=\"confirmed\" value=\"yes\"");
        assertThat(runsOf("2999-02-01")).as("nothing started before the yes").isZero();
    }

    @Test
    void startSaysEachBadFieldBesideItAndStartsNothing() throws Exception {
        String page = mvc.perform(post("/runs/start").with(ops).with(csrf()).param("planDate", "2026-13-01")
                        .param("grapStage", "7").param("depots", "../etc").param("confirmed", "yes"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fieldError(page, "planDate-error")).isEqualTo("'2026-13-01' is not a date, like 2026-12-01.");
        assertThat(fieldError(page, "grapStage-error")).isEqualTo("The GRAP stage must be 0 to 4, or the date's calendar.");
        assertThat(fieldError(page, "depots-error")).isEqualTo("'../etc' is not a depot id (1 to 32 letters, digits, '_' or '-').");
        assertThat(page).contains("aria-describedby=\"planDate-error\"").contains("value=\"2026-13-01\"");
        assertThat(audit("RUN_START")).as("refused before the use case: nothing to audit").isZero();
    }

    @Test
    void backfillWhoseRangeEndsBeforeItBeginsIsToldSoBesideTheEndAndNothingQueued() throws Exception {
        String page = mvc.perform(post("/runs/backfill").with(ops).with(csrf()).param("from", "2998-01-10")
                        .param("to", "2998-01-01").param("mode", "ALL").param("maxConcurrent", "1").param("confirmed", "yes"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fieldError(page, "backfillTo-error")).isEqualTo("The range ends before it begins: 'to' must be 2998-01-10 or later.");
        assertThat(page).contains("value=\"2998-01-10\"", "value=\"2998-01-01\"");
        assertThat(audit("BACKFILL")).isZero();

        String tooMany = mvc.perform(post("/runs/backfill").with(ops).with(csrf()).param("from", "")
                        .param("to", "2998-01-01").param("maxConcurrent", "99"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fieldError(tooMany, "backfillFrom-error")).isEqualTo("A date is needed, like 2026-12-01.");
        assertThat(fieldError(tooMany, "maxConcurrent-error")).startsWith("At once must be 1 to ");
    }

    @Test
    void backfillShowsTheDatesItWouldRunThenQueuesThemOnceConfirmed() throws Exception {
        String missing = mvc.perform(post("/runs/backfill").with(ops).with(csrf()).param("from", "2998-03-01")
                        .param("to", "2998-03-02").param("mode", "MISSING").param("maxConcurrent", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(missing)).contains("Backfill 2998-03-01 to 2998-03-02?",
                "Plans each date from 2998-03-01 to 2998-03-02 that has never been planned.",
                "As things stand: start 2998-03-01; start 2998-03-02.", "At most 2 runs at once", "Yes, backfill");
        assertThat(audit("BACKFILL")).isZero();

        // restarting the failed dates of a range that has none runs nothing, but is still a backfill done
        mvc.perform(post("/runs/backfill").with(ops).with(csrf()).param("from", "2998-04-01").param("to", "2998-04-03")
                        .param("mode", "FAILED").param("maxConcurrent", "1").param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/runs"))
                .andExpect(flash().attribute("message", "Backfill 2998-04-01 to 2998-04-03: no date to run."));
        assertThat(audit("BACKFILL")).isEqualTo(1);
    }

    @Test
    void recoverAsksThenIsRefusedWhileTheNodeLivesAndRecoversOnceItIsDead() throws Exception {
        LocalDate date = LocalDate.of(2998, 5, 1);
        long id = execution(date, BatchStatus.STARTED);
        jdbc.sql("insert into run_leases values (?, ?, '4242@elsewhere', current_timestamp, current_timestamp)")
                .params(date, id).update();

        String ask = mvc.perform(post("/runs/{id}/recover", id).with(ops).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(ask)).contains("Recover run " + id + "?", "For a run whose node died: marks run " + id
                + " of 2998-05-01 (STARTED) FAILED", "Yes, recover");
        assertThat(statusOf(id)).isEqualTo(BatchStatus.STARTED);

        mvc.perform(post("/runs/{id}/recover", id).with(ops).with(csrf()).param("confirmed", "yes"))
                .andExpect(redirectedUrl("/runs"))
                .andExpect(flash().attribute("message", "Refused: run " + id + " is running on a live node; it is not recovered."));
        assertThat(statusOf(id)).isEqualTo(BatchStatus.STARTED);

        jdbc.sql("update run_leases set heartbeat_at = ? where plan_date = ?").params(OffsetDateTime.now().minusMinutes(5), date).update();
        mvc.perform(post("/runs/{id}/recover", id).with(ops).with(csrf()).param("confirmed", "yes"))
                .andExpect(redirectedUrl("/runs/" + id))
                .andExpect(flash().attribute("message", "Run " + id + " recovered: it is FAILED now and can be restarted."));
        assertThat(statusOf(id)).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void abandonAsksThenAbandonsAStoppedRunAndRefusesAFailedOne() throws Exception {
        long stopped = execution(LocalDate.of(2998, 6, 1), BatchStatus.STOPPED);
        long failed = execution(LocalDate.of(2998, 6, 2), BatchStatus.FAILED);

        String ask = mvc.perform(post("/runs/{id}/abandon", stopped).with(ops).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(ask)).contains("Abandon run " + stopped + "?", "ABANDONED: it can never be restarted", "Yes, abandon");
        assertThat(statusOf(stopped)).isEqualTo(BatchStatus.STOPPED);

        mvc.perform(post("/runs/{id}/abandon", stopped).with(ops).with(csrf()).param("confirmed", "yes"))
                .andExpect(redirectedUrl("/runs/" + stopped)).andExpect(flash().attribute("message", "Run " + stopped + " abandoned."));
        assertThat(statusOf(stopped)).isEqualTo(BatchStatus.ABANDONED);
        mvc.perform(post("/runs/{id}/abandon", failed).with(ops).with(csrf()).param("confirmed", "yes"))
                .andExpect(redirectedUrl("/runs"))
                .andExpect(flash().attribute("message", "Refused: run " + failed + " is FAILED; only a STOPPED run is abandoned."));
        assertThat(statusOf(failed)).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aPlannerIsRefusedEveryActionAtTheServerEvenConfirmed() throws Exception {
        long stopped = execution(LocalDate.of(2998, 7, 1), BatchStatus.STOPPED);
        long started = execution(LocalDate.of(2998, 7, 2), BatchStatus.STARTED);

        mvc.perform(post("/runs/start").with(planner).with(csrf()).param("planDate", "2998-07-03").param("depots", "D1")
                .param("confirmed", "yes")).andExpect(status().isForbidden());
        mvc.perform(post("/runs/backfill").with(planner).with(csrf()).param("from", "2998-07-04").param("to", "2998-07-05")
                .param("confirmed", "yes")).andExpect(status().isForbidden());
        mvc.perform(post("/runs/{id}/abandon", stopped).with(planner).with(csrf()).param("confirmed", "yes"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/runs/{id}/recover", started).with(planner).with(csrf()).param("confirmed", "yes"))
                .andExpect(status().isForbidden());

        assertThat(statusOf(stopped)).isEqualTo(BatchStatus.STOPPED);
        assertThat(statusOf(started)).isEqualTo(BatchStatus.STARTED);
        assertThat(runsOf("2998-07-03") + runsOf("2998-07-04")).isZero();
        assertThat(audit("BACKFILL") + audit("RUN_START")).isZero();
        String list = mvc.perform(get("/runs").with(planner)).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("/runs/backfill", "/runs/start", "Abandon…", "Recover…");
    }

    @Test
    void aFailedRunSaysWhyInWordsNamesItsFailedPartitionAndOffersTheRestartBesideIt() throws Exception {
        long id = failedInAPartition(LocalDate.of(2998, 8, 1));

        String page = mvc.perform(get("/runs/{id}", id).with(ops)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(text(between(page, "id=\"failure-sentence\"", "</p>")))
                .contains("Step ingest failed in partition file-42: cannot write the rejects of orders-north.csv.");
        String failure = between(page, "<section class=\"failure\"", "</section>");
        assertThat(failure).doesNotContain("java.io.UncheckedIOException", "JobExecutionException")
                .contains("id=\"failed-partition\"", "file-42", "action=\"/runs/" + id + "/restart\"", "Restart…");
        assertThat(page).as("the date's rejected rows are a planner's").doesNotContain("id=\"rejects\"");

        String asPlanner = mvc.perform(get("/runs/{id}", id).with(planner)).andReturn().getResponse().getContentAsString();
        assertThat(asPlanner).contains("id=\"failed-partition\"").doesNotContain("/restart\"")
                .contains("An operator (OPS) can restart it.");
        assertThat(text(asPlanner)).contains("Rejected rows of 2998-08-01", "No rows were rejected.");
    }

    @Test
    void showsAPlannerTheDatesRejectedRowsAPageAtATimeAndNamesTheOrdersFileOfAFailedFilePartition() throws Exception {
        LocalDate date = LocalDate.of(2998, 10, 1);
        jdbc.sql("""
                        insert into input_files (plan_date, file_name, kind, size_bytes, sha256, staged_path, status, registered_at)
                        values (?, 'orders-east.csv', 'ORDERS', 100, ?, '/staged/orders-east.csv', 'INGESTED', current_timestamp)""")
                .params(date, "a".repeat(64)).update();
        long fileId = jdbc.sql("select id from input_files where plan_date = ?").param(date).query(Long.class).single();
        for (int row = 2; row <= 26; row++) {
            jdbc.sql("insert into order_rejects (file_id, row_number, plan_date, order_id, reason_codes, message, raw_content)"
                            + " values (?, ?, ?, ?, 'INVALID_PINCODE;PINCODE_NOT_SERVED', ?, ?)")
                    .params(fileId, row, date, "ORD-" + row, "orders-east.csv row " + row + ": pincode 99999 is not 6 digits",
                            "ORD-" + row + ",Shop,99999").update();
        }
        long id = execution(date, BatchStatus.FAILED);
        JobExecution execution = jobRepository.getJobExecution(id);
        step(execution, "ingest", BatchStatus.FAILED, ExitStatus.FAILED);
        step(execution, "ingestFile:file-" + fileId, BatchStatus.FAILED, ExitStatus.FAILED.addExitDescription(
                "org.springframework.dao.DataIntegrityViolationException: value too long for column customer_name"));

        String first = mvc.perform(get("/runs/{id}", id).with(planner)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(text(between(first, "id=\"failure-sentence\"", "</p>"))).contains("Step ingest failed in partition file-"
                + fileId + " (orders file orders-east.csv): value too long for column customer_name.");
        String rejects = text(between(first, "<section id=\"rejects\"", "</section>"));
        assertThat(rejects).contains("Rejected rows of 2998-10-01", "25 rows rejected", "Page 1 of 2", "Next rows",
                "orders-east.csv row 2: pincode 99999 is not 6 digits", "INVALID_PINCODE PINCODE_NOT_SERVED", "ORD-2,Shop,99999")
                .doesNotContain("row 22:", "Previous rows");
        assertThat(first).contains("href=\"/runs/" + id + "?rejects=1#rejects\"");

        String second = mvc.perform(get("/runs/{id}", id).param("rejects", "1").with(planner)).andReturn().getResponse()
                .getContentAsString();
        assertThat(text(between(second, "<section id=\"rejects\"", "</section>"))).contains("Page 2 of 2", "Previous rows",
                "orders-east.csv row 22:", "orders-east.csv row 26:").doesNotContain("row 21:", "Next rows");
    }

    @Test
    void handsAPlannerTheDatesRejectsWorkbookAsRegisteredAndNothingElse() throws Exception {
        LocalDate date = LocalDate.of(2998, 9, 1);
        long id = execution(date, BatchStatus.COMPLETED);
        Path rejects = Files.createDirectories(temp.resolve(date.toString()).resolve("rejects"));
        byte[] workbook = "a workbook's bytes".getBytes();
        Path file = Files.write(rejects.resolve("orders.csv.rejects.xlsx"), workbook);
        jdbc.sql("insert into artifacts (plan_date, path, kind, size_bytes, sha256, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(date, file.toAbsolutePath().toString(), ArtifactKind.REJECTS_XLSX.name(), (long) workbook.length,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(workbook)), OffsetDateTime.now())
                .update();

        String page = mvc.perform(get("/runs/{id}", id).with(planner)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/runs/" + id + "/rejects/orders.csv.rejects.xlsx\"");
        MockHttpServletResponse download = mvc.perform(get("/runs/{id}/rejects/{name}", id, "orders.csv.rejects.xlsx").with(planner))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(workbook);
        assertThat(download.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.getHeader("Content-Disposition")).contains("attachment").contains("orders.csv.rejects.xlsx");
        assertThat(audit("DOWNLOAD")).isEqualTo(1);
        assertThat(mvc.perform(get("/api/v1/rejects/{date}/files/{name}", date, "orders.csv.rejects.xlsx").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())
                .as("the API hands out the same workbook").isEqualTo(workbook);

        mvc.perform(get("/runs/{id}/rejects/{name}", id, "summary.json").with(planner)).andExpect(status().isNotFound());
        mvc.perform(get("/runs/{id}/rejects/{name}", id, "orders.csv.rejects.xlsx").with(ops)).andExpect(status().isForbidden());
        Files.write(file, "changed".getBytes());
        mvc.perform(get("/runs/{id}/rejects/{name}", id, "orders.csv.rejects.xlsx").with(planner))
                .andExpect(status().isInternalServerError());
    }

    /** A planning run of the date as a process leaves it in the job repository. */
    private long execution(LocalDate date, BatchStatus status) {
        PlanRunParameters parameters = new PlanRunParameters(date, 1, temp.resolve("input"), temp, 0, 1);
        JobInstance instance = jobRepository.createJobInstance("nightlyPlanJob", parameters.toJobParameters());
        JobExecution execution = jobRepository.createJobExecution(instance, parameters.toJobParameters(), new ExecutionContext());
        execution.setStatus(status);
        execution.setStartTime(LocalDateTime.now().minusMinutes(2));
        if (!status.isRunning()) {
            execution.setEndTime(LocalDateTime.now());
            execution.setExitStatus(new ExitStatus(status.name()));
        }
        jobRepository.update(execution);
        return execution.getId();
    }

    /** A run whose ingest step failed in one file's partition, with the stack trace Spring Batch records. */
    private long failedInAPartition(LocalDate date) {
        long id = execution(date, BatchStatus.FAILED);
        JobExecution execution = jobRepository.getJobExecution(id);
        step(execution, "fetch", BatchStatus.COMPLETED, ExitStatus.COMPLETED);
        step(execution, "ingest", BatchStatus.FAILED, ExitStatus.FAILED.addExitDescription(
                "org.springframework.batch.core.job.JobExecutionException: Partition handler returned an unsuccessful step"));
        step(execution, "ingestFile:file-41", BatchStatus.COMPLETED, ExitStatus.COMPLETED);
        step(execution, "ingestFile:file-42", BatchStatus.FAILED, ExitStatus.FAILED.addExitDescription(
                "java.io.UncheckedIOException: cannot write the rejects of orders-north.csv\n\tat dev.routeplan.batch.ingest."
                        + "OrderFileReconciliation.afterStep(OrderFileReconciliation.java:88)"));
        return id;
    }

    private void step(JobExecution execution, String name, BatchStatus status, ExitStatus exit) {
        StepExecution step = jobRepository.createStepExecution(name, execution);
        step.setStatus(status);
        step.setExitStatus(exit);
        step.setStartTime(LocalDateTime.now().minusMinutes(1));
        step.setEndTime(LocalDateTime.now());
        jobRepository.update(step);
    }

    private BatchStatus statusOf(long id) {
        return jobRepository.getJobExecution(id).getStatus();
    }

    private long runsOf(String date) {
        return jdbc.sql("select count(*) from batch_job_execution_params where parameter_name = 'planDate' and parameter_value = ?")
                .param(date).query(Long.class).single();
    }

    private long audit(String action) {
        return jdbc.sql("select count(*) from audit_log where subject = ? and action = ?").params(subject, action)
                .query(Long.class).single();
    }

    private static String fieldError(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("a message with id %s beside its field", id).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as("the page has %s", from).isNotNegative();
        return page.substring(start, page.indexOf(to, start) + to.length());
    }

    /** The page's text as read: tags gone, entities decoded, white space folded. */
    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }
}
