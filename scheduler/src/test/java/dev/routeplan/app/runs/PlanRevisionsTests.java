package dev.routeplan.app.runs;

import dev.routeplan.planning.domain.RouteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.store.PlanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Depot files under OUTPUT/DATE/DEPOT/; the same plan again writes nothing, a changed one is a new revision and the old one is kept. */
@PlanJobTest
class PlanRevisionsTests {

    @Autowired
    PlanStore plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanRuns runs;

    @Test
    void publishingTheSamePlanAgainLeavesFilesAndRevisionsAsTheyWere(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 10);
        JobExecution first = sampleDay.run(date, 0, 1);
        Path dir = sampleDay.outputs(date).dir();
        assertThat(dir.resolve("D1/plan-D1.xlsx")).isRegularFile();
        assertThat(dir.resolve("D1/manifests-D1.pdf")).isRegularFile();
        assertThat(dir.resolve("plan-D1.xlsx")).doesNotExist();
        Map<Path, String> before = fingerprintOfFiles(dir);

        // when
        JobExecution again = runs.republish(date);

        // then
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(fingerprintOfFiles(dir)).isEqualTo(before);
        assertThat(revisions(date)).containsExactly("*:1", "D1:1", "D2:1", "D3:1");
        assertThat(dir.resolve("D1/revisions")).doesNotExist();
    }

    @Test
    void aChangedDepotPlanIsTheNextRevisionAndTheEarlierFilesAreKept(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 11);
        JobExecution first = sampleDay.run(date, 0, 1);
        Path dir = sampleDay.outputs(date).dir();
        Map<Path, String> before = fingerprintOfFiles(dir);
        String d1Workbook = sha(dir.resolve("D1/plan-D1.xlsx"));
        String d2Workbook = before.get(dir.resolve("D2/plan-D2.xlsx"));   // with its modification time
        String withdrawn = plans.routes(date, "D1").stream().filter(r -> !r.route().stops().isEmpty()).findFirst()
                .orElseThrow().route().vehicleId();
        plans.setStatus(date, withdrawn, RouteStatus.BLOCKED);   // as `verify --withdraw` does

        // when
        runs.republish(date);

        // then
        assertThat(revisions(date)).containsExactly("*:1", "*:2", "D1:1", "D1:2", "D2:1", "D3:1");
        assertThat(sha(dir.resolve("D1/revisions/r1/plan-D1.xlsx"))).isEqualTo(d1Workbook);
        assertThat(dir.resolve("D1/revisions/r1/manifests-D1.pdf")).isRegularFile();
        assertThat(sha(dir.resolve("D1/plan-D1.xlsx"))).isNotEqualTo(d1Workbook);
        assertThat(fingerprintOfFiles(dir).get(dir.resolve("D2/plan-D2.xlsx"))).isEqualTo(d2Workbook);
        assertThat(dir.resolve("revisions/r1/compliance-report.pdf")).isRegularFile();
        assertThat(new PlanOutputs(dir).csv("unassigned.csv")).anySatisfy(row ->
                assertThat(row.get("detail")).startsWith("route of " + withdrawn + " blocked"));
        assertThat(jdbc.sql("select count(*) from artifacts where plan_date = ? and path = ?")
                .params(date, dir.resolve("D1/revisions/r1/plan-D1.xlsx").toString()).query(Long.class).single())
                .as("the kept file stays registered").isEqualTo(1);
    }

    private List<String> revisions(LocalDate date) {
        return jdbc.sql("select depot_id, revision from plan_revisions where plan_date = ? order by depot_id, revision")
                .param(date).query((rs, n) -> rs.getString(1) + ":" + rs.getInt(2)).list();
    }

    /** Every published file with its SHA-256 and modification time: what "untouched" means. */
    private static Map<Path, String> fingerprintOfFiles(Path dir) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                files.put(file, sha(file) + " " + modified.toMillis());
            }
        }
        return files;
    }

    private static String sha(Path file) {
        return dev.routeplan.planning.digest.Sha256.hex(file);
    }
}
