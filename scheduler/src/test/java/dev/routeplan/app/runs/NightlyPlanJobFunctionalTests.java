package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlanJobTest
class NightlyPlanJobFunctionalTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void plansTheSampleDayEndToEnd(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 1);

        // when
        JobExecution execution = sampleDay.run(date, 0, 2);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        PlanOutputs out = sampleDay.outputs(date);
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ? and window2_start is not null and window2_end is not null")
                .param(date).query(Long.class).single()).as("the samples' two-window orders").isEqualTo(25);
        PlanAssertions.everyAcceptedOrderIsRoutedOrUnassignedOnce(jdbc, date, out);
        PlanAssertions.noRouteBreaksCapacityOrAWindow(jdbc, date, out);
        assertThat(out.csv("rejects.csv")).extracting(row -> row.get("reason_codes")).containsExactlyInAnyOrder(
                "PRIORITY_OUT_OF_RANGE", "MISSING_FIELD", "INVALID_TIME", "UNKNOWN_DEPOT");
        assertThat(out.csv("rejects.csv")).allSatisfy(row -> assertThat(row.get("message")).startsWith("orders.csv row "));

        JsonNode summary = JsonMapper.builder().build().readTree(out.text("summary.json"));
        long read = summary.at("/orders/read").asLong();
        assertThat(read).isEqualTo(304);
        assertThat(summary.at("/orders/accepted").asLong() + summary.at("/orders/rejected").asLong()).isEqualTo(read);
        assertThat(summary.at("/compliance/routesBlocked").asLong()).isZero();
        assertThat(summary.at("/vehicles/setAside").asLong()).isEqualTo(2);
        assertThat(summary.at("/totalKm").asDouble()).isPositive();
    }

    @Test
    void publishesAWorkbookAndManifestsHoldingEveryStopOfEachDepot(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 2);

        // when
        sampleDay.run(date, 0, 2);

        // then
        PlanOutputs out = sampleDay.outputs(date);
        Map<String, List<Map<String, String>>> stopsByDepot = out.csv("routes.csv").stream()
                .collect(Collectors.groupingBy(row -> row.get("depot_id")));
        assertThat(stopsByDepot).hasSize(3);
        for (var depot : stopsByDepot.entrySet()) {
            Set<String> vehicles = depot.getValue().stream().map(row -> row.get("vehicle_id")).collect(Collectors.toSet());
            Set<String> orderIds = depot.getValue().stream().map(row -> row.get("order_id")).collect(Collectors.toSet());
            try (XSSFWorkbook workbook = out.workbook(depot.getKey() + "/plan-" + depot.getKey() + ".xlsx")) {
                Set<String> sheetOrders = new java.util.HashSet<>();
                for (String vehicle : vehicles) {
                    Sheet sheet = workbook.getSheet(vehicle);
                    assertThat(sheet).as("sheet of %s", vehicle).isNotNull();
                    for (Row row : sheet) {
                        if (row.getRowNum() > 0 && row.getCell(1) != null) {
                            sheetOrders.add(row.getCell(1).getStringCellValue());
                        }
                    }
                }
                assertThat(sheetOrders).containsExactlyInAnyOrderElementsOf(orderIds);
                assertThat(workbook.getAllPictures()).as("route map in the %s workbook", depot.getKey()).hasSize(1);
                assertThat(workbook.getSheet("Rejected rows").getLastRowNum()).isEqualTo(4);
            }
            BufferedImage map = ImageIO.read(out.file(depot.getKey() + "/route-map-" + depot.getKey() + ".png").toFile());
            assertThat(map.getWidth()).isEqualTo(1600);
            assertThat(map.getHeight()).isEqualTo(1200);
            try (PDDocument pdf = Loader.loadPDF(out.file(depot.getKey() + "/manifests-" + depot.getKey() + ".pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(vehicles.size());
                assertThat(text).contains(vehicles).contains(orderIds);
            }
        }
        try (XSSFWorkbook workbook = out.workbook("plan-all-depots.xlsx")) {
            Set<String> unassignedOrders = out.csv("unassigned.csv").stream().map(row -> row.get("order_id")).collect(Collectors.toSet());
            assertThat(workbook.getAllPictures()).as("one route map per depot").hasSize(3);
            assertThat(workbook.getSheet("Unassigned").getLastRowNum()).isEqualTo(Math.max(1, unassignedOrders.size()));
        }
    }

    @Test
    void publishesAComplianceReportAndEvidenceHoldingEveryCheck(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 4);
        sampleDay.run(date, 0, 1);
        PlanOutputs out = sampleDay.outputs(date);
        long checks = jdbc.sql("select count(*) from compliance_checks where plan_date = ?").param(date).query(Long.class).single();
        String sha = jdbc.sql("select distinct rule_pack_sha256 from compliance_checks where plan_date = ?").param(date)
                .query(String.class).single();

        // then
        try (PDDocument pdf = Loader.loadPDF(out.file("compliance-report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("delhi-default", "0.1.0", sha, "DL-NOENTRY-HGV", "Okhla Industrial Area");
        }
        try (XSSFWorkbook workbook = out.workbook("compliance-evidence.xlsx")) {
            assertThat(workbook.getSheet("Checks").getLastRowNum()).as("one row per check below the header").isEqualTo(checks);
            assertThat(workbook.getSheet("Legs").getLastRowNum()).as("every route's legs").isPositive();
            assertThat(workbook.getSheet("Vehicles set aside").getLastRowNum()).isPositive();
        }
        // the sample's BS-IV diesel LGV registered 2014-03-17 is past 10 years: set aside by the fleet step, with the rule
        List<Map<String, String>> setAside = out.csv("vehicles-set-aside.csv");
        assertThat(setAside).anySatisfy(row -> {
            assertThat(row).containsEntry("vehicle_id", "DL13LLG9694").containsEntry("status", "SET_ASIDE")
                    .containsEntry("rule_id", "DL-AGE-DIESEL-10Y");
            assertThat(row.get("evidence")).contains("2014-03-17").contains("2024-03-17");
        });
        Set<String> routed = out.csv("routes.csv").stream().map(row -> row.get("vehicle_id")).collect(Collectors.toSet());
        Set<String> fleet = jdbc.sql("select vehicle_id from vehicles where plan_date = ?").param(date).query(String.class)
                .list().stream().collect(Collectors.toSet());
        assertThat(setAside.stream().map(row -> row.get("vehicle_id")).collect(Collectors.toSet()))
                .as("every vehicle with no published route, and no other").isEqualTo(
                        fleet.stream().filter(v -> !routed.contains(v)).collect(Collectors.toSet()));
        JsonNode summary = JsonMapper.builder().build().readTree(out.text("summary.json"));
        assertThat(summary.at("/checksByRule/DL-NOENTRY-HGV").isObject()).isTrue();
        assertThat(summary.at("/depots/0/checksByRule").size()).isPositive();
    }

    @Test
    void reRunningADateReplacesItsResultsInsteadOfDuplicatingThem(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 3);
        sampleDay.run(date, 0, 1);
        long orders = count("orders", date);
        long rejects = count("order_rejects", date);
        long artifacts = currentArtifacts(date);

        // when
        JobExecution second = sampleDay.run(date, 0, 1);

        // then
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getJobParameters().getLong("attempt")).isEqualTo(2L);
        assertThat(count("orders", date)).isEqualTo(orders);
        assertThat(count("order_rejects", date)).isEqualTo(rejects);
        assertThat(currentArtifacts(date)).as("published files, not counting revisions kept").isEqualTo(artifacts);
        assertThat(count("input_files", date)).isEqualTo(3);
        PlanAssertions.everyAcceptedOrderIsRoutedOrUnassignedOnce(jdbc, date, sampleDay.outputs(date));
    }

    private long currentArtifacts(LocalDate date) {
        return jdbc.sql("select count(*) from artifacts where plan_date = ? and path not like '%/revisions/%'").param(date)
                .query(Long.class).single();
    }

    private long count(String table, LocalDate date) {
        return jdbc.sql("select count(*) from " + table + " where plan_date = ?").param(date).query(Long.class).single();
    }
}
