package dev.routeplan.app.plans;

import dev.routeplan.app.PostgresSchema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.compliance.ComplianceProofs;
import dev.routeplan.app.compliance.Reverification;
import dev.routeplan.app.compliance.WhatIfs;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.planning.digest.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API's reads of a published day (revisions, files, rejects, compliance figures, a what-if)
 * on the real PostgreSQL of this machine, in a schema of its own that Flyway creates (with the
 * V13 index) and the test drops afterwards.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"routeplan.rule-pack=../config/rules/delhi.yaml", "logging.level.dev.routeplan=WARN"})
@ActiveProfiles("postgres")
class PublishedPlansOnPostgresIntegrationTests {

    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Autowired
    PlanRuns runs;
    @Autowired
    PublishedPlans plans;
    @Autowired
    PlanInputs inputs;
    @Autowired
    ComplianceProofs proofs;
    @Autowired
    WhatIfs whatIfs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void readsWhatTheSampleDayPublishedOnPostgres() throws Exception {
        LocalDate date = LocalDate.of(2027, 4, 1);
        Path folder = Files.createTempDirectory("routeplan-plans-pg");
        try {
            Path published = SampleDays.publish(runs, date, folder);

            assertThat(plans.current(date)).extracting(PublishedRevision::depotId).containsExactly("*", "D1", "D2", "D3");
            assertThat(plans.history(date, "D1")).singleElement().satisfies(r -> assertThat(r.artifacts()).hasSize(3));
            Artifact workbook = plans.file(date, "D1", "plan-D1.xlsx", null, Set.of());
            assertThat(workbook.sha256()).isEqualTo(Sha256.hex(published.resolve("D1/plan-D1.xlsx")));
            assertThat(plans.file(date, PlanRevisionStore.RUN_WIDE, "routes.csv", 1, Set.of()).path())
                    .isEqualTo(published.resolve("routes.csv"));

            PlanInputs.Page<PlanInputs.RejectRow> page = inputs.rejects(date, 1, 3);
            assertThat(page.total()).isEqualTo(4);
            assertThat(page.items()).extracting(PlanInputs.RejectRow::orderId).containsExactly("ORD-0304");
            assertThat(inputs.files(date)).extracting(PlanInputs.InputFileRow::name).contains("orders.csv", "grap.csv");

            assertThat(proofs.packsUsed(date)).singleElement().satisfies(p -> assertThat(p.grapStage()).isEqualTo(2));
            assertThat(proofs.checksByVerdict(date)).containsKey("PASS");
            String vehicle = proofs.routes(date).get(0).vehicleId();
            assertThat(proofs.checks(date, vehicle)).isNotEmpty();

            Reverification.Result whatIf = whatIfs.whatIf(date, new WhatIfs.Question(4, null, null), "test");
            assertThat(whatIf.newlyIllegal()).isNotEmpty();
            assertThat(proofs.verifications(date)).extracting(ComplianceProofs.Verification::mode).contains("NIGHTLY", "WHAT_IF");
            assertThat(jdbc.sql("select count(*) from audit_log where action in ('DOWNLOAD', 'WHAT_IF')").query(Long.class).single())
                    .isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from pg_indexes where schemaname = ? and indexname = 'order_rejects_by_date'")
                    .param(SCHEMA.name).query(Long.class).single()).isEqualTo(1);
        } finally {
            SampleDays.delete(folder);
        }
    }
}
