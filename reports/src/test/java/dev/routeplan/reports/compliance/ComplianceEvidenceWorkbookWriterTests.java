package dev.routeplan.reports.compliance;

import static dev.routeplan.reports.Workbooks.formulaCells;
import static dev.routeplan.reports.Workbooks.rowStartingWith;
import static dev.routeplan.reports.Workbooks.sheetNames;
import static dev.routeplan.reports.Workbooks.texts;
import static dev.routeplan.reports.Workbooks.valueNextTo;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.BLOCKED_TRUCK;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.ECC;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.HASH_RECIPE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.NO_ENTRY_SOURCE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.OLD_DIESEL;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.PACK_FILES;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.RULE_PACK;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.TRAVEL_MODEL;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.CHECKED_AT;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.GRAP_SOURCE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.GRAP_STAGE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.NO_ENTRY;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.NO_ENTRY_EVIDENCE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.OKHLA;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.PERMIT;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.PLAN_DATE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.REGISTRY_DOWN;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.RULE_PACK_SHA256;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.RULE_PACK_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.reports.Workbooks;
import dev.routeplan.reports.Written;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ComplianceEvidenceWorkbookWriterTests {

    private static final int VERDICT = 7;
    private static final int MESSAGE = 9;
    private static final int EVIDENCE = 10;

    private final ComplianceEvidenceWorkbookWriter writer = new ComplianceEvidenceWorkbookWriter();

    @Test
    void writesSummaryThenChecksLegsAndVehiclesSetAside() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.grapNightWithABlockedTruck())) {
            assertThat(sheetNames(wb)).containsExactly("Summary", "Checks", "Legs", "Vehicles set aside");
        }
    }

    @Test
    void writesOneRowPerCheckUnderTheHeader() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.grapNightWithABlockedTruck())) {
            Sheet checks = wb.getSheet("Checks");

            assertThat(texts(checks.getRow(0))).containsExactly("Depot", "Vehicle", "Route status", "Rule",
                    "Rule version", "Legal source", "Title", "Verdict", "Severity", "Message", "Evidence (JSON)");
            assertThat(checks.getLastRowNum()).isEqualTo(9);
            assertThat(texts(checks.getRow(4))).containsExactly(OKHLA, BLOCKED_TRUCK, "BLOCKED", NO_ENTRY,
                    RULE_PACK + "@" + RULE_PACK_VERSION, NO_ENTRY_SOURCE, "No-entry hours for HGVs", "FAIL", "HARD",
                    "Enters the no-entry zone before its window closes", NO_ENTRY_EVIDENCE);
            assertThat(texts(checks.getRow(7))).startsWith("DEL-NRL", "DL1GC0007", "PASSED", NO_ENTRY,
                    RULE_PACK + "@" + RULE_PACK_VERSION, NO_ENTRY_SOURCE, "No-entry hours for HGVs", "EXEMPT");
        }
    }

    @Test
    void escapesAMessageThatLooksLikeAFormula() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.grapNightWithABlockedTruck())) {
            Row notEvaluated = wb.getSheet("Checks").getRow(6);

            assertThat(notEvaluated.getCell(3).getStringCellValue()).isEqualTo(PERMIT);
            assertThat(notEvaluated.getCell(VERDICT).getStringCellValue()).isEqualTo("NOT_EVALUATED");
            assertThat(notEvaluated.getCell(MESSAGE).getCellType()).isEqualTo(CellType.STRING);
            assertThat(notEvaluated.getCell(MESSAGE).getStringCellValue()).isEqualTo("'" + REGISTRY_DOWN);
            assertThat(notEvaluated.getCell(EVIDENCE).getStringCellValue()).isEmpty();
        }
    }

    @Test
    void writesNoFormulaCellAnywhere() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.grapNightWithABlockedTruck())) {
            assertThat(formulaCells(wb)).isEmpty();
        }
    }

    @Test
    void freezesAndFiltersTheChecksHeader() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.grapNightWithABlockedTruck())) {
            XSSFSheet checks = wb.getSheet("Checks");

            assertThat(checks.getPaneInformation().isFreezePane()).isTrue();
            assertThat(checks.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(checks.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K10");
            assertThat(checks.getColumnWidth(EVIDENCE)).isGreaterThan(checks.getColumnWidth(0));
        }
    }

    @Test
    void summarisesTheRunAndCountsEachRule() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.grapNightWithABlockedTruck())) {
            Sheet summary = wb.getSheet("Summary");

            assertThat(valueNextTo(summary, "Plan date").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(PLAN_DATE);
            assertThat(valueNextTo(summary, "GRAP stage").getStringCellValue()).isEqualTo(GRAP_STAGE);
            assertThat(valueNextTo(summary, "GRAP source").getStringCellValue()).isEqualTo(GRAP_SOURCE);
            assertThat(valueNextTo(summary, "Rule pack version").getStringCellValue()).isEqualTo(RULE_PACK_VERSION);
            assertThat(valueNextTo(summary, "Rule pack SHA-256").getStringCellValue()).isEqualTo(RULE_PACK_SHA256);
            assertThat(valueNextTo(summary, "Checked at (IST)").getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2025, 11, 14, 21, 30, 15));
            assertThat(valueNextTo(summary, "Routes checked").getNumericCellValue()).isEqualTo(3);
            assertThat(valueNextTo(summary, "Routes blocked").getNumericCellValue()).isEqualTo(1);
            assertThat(valueNextTo(summary, "Exemptions used").getNumericCellValue()).isEqualTo(1);
            assertThat(valueNextTo(summary, "Checks not evaluated").getNumericCellValue()).isEqualTo(2);

            Row header = rowStartingWith(summary, "Rule");
            assertThat(texts(header)).containsExactly("Rule", "Title", "Legal source", "PASS", "FAIL", "EXEMPT",
                    "NOT_APPLICABLE", "NOT_EVALUATED", "CHARGE", "Total");
            Row noEntry = summary.getRow(header.getRowNum() + 1);
            assertThat(noEntry.getCell(0).getStringCellValue()).isEqualTo(NO_ENTRY);
            assertThat(noEntry.getCell(2).getStringCellValue()).isEqualTo(NO_ENTRY_SOURCE);
            assertThat(numbers(noEntry, 3, 10)).containsExactly(0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 3.0);
            assertThat(summary.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) (header.getRowNum() + 1));
        }
    }

    @Test
    void writesAnEmptyRunAsHeadersOnly() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.withoutDepots())) {
            assertThat(sheetNames(wb)).containsExactly("Summary", "Checks", "Legs", "Vehicles set aside");
            assertThat(wb.getSheet("Checks").getLastRowNum()).isZero();
            assertThat(wb.getSheet("Legs").getLastRowNum()).isZero();
            assertThat(wb.getSheet("Vehicles set aside").getLastRowNum()).isZero();
            assertThat(wb.getSheet("Checks").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K1");
            assertThat(valueNextTo(wb.getSheet("Summary"), "Routes checked").getNumericCellValue()).isZero();
        }
    }

    @Test
    void listsEveryLegWithTimesAndPositionsSoAnOfficerCanRedoTheRoute() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.withEverythingToRedoAVerdict())) {
            Sheet legs = wb.getSheet("Legs");

            assertThat(texts(legs.getRow(0))).containsExactly("Depot", "Vehicle", "Route status", "Leg", "From", "To",
                    "Depart (IST)", "Arrive (IST)", "From (lat,lon)", "To (lat,lon)", "km");
            assertThat(legs.getLastRowNum()).isEqualTo(2);
            Row out = legs.getRow(1);
            assertThat(List.of(0, 1, 2, 4, 5, 6, 7, 8, 9).stream().map(i -> out.getCell(i).getStringCellValue()))
                    .containsExactly(OKHLA, BLOCKED_TRUCK, "BLOCKED", "depot DEL-OKH", "ORD-7", "2025-11-14T21:30+05:30",
                            "2025-11-14T21:40+05:30", "28.5355,77.273", "28.5677,77.2433");
            assertThat(out.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(legs.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(legs.getRow(2).getCell(10).getNumericCellValue()).isEqualTo(5.512);
        }
    }

    @Test
    void namesTheTravelModelAndHowToRedoThePacksHash() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.withEverythingToRedoAVerdict())) {
            Sheet summary = wb.getSheet("Summary");

            assertThat(valueNextTo(summary, "Travel model").getStringCellValue()).isEqualTo(TRAVEL_MODEL);
            assertThat(valueNextTo(summary, "How the SHA-256 is made").getStringCellValue()).isEqualTo(HASH_RECIPE);
            assertThat(valueNextTo(summary, "Rule pack file (sha256sum)").getStringCellValue()).isEqualTo(PACK_FILES.get(0));
        }
    }

    @Test
    void countsTheEccAsAChargeNotAPass() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.withEverythingToRedoAVerdict())) {
            Sheet summary = wb.getSheet("Summary");
            Row header = rowStartingWith(summary, "Rule");
            Row ecc = summary.getRow(header.getRowNum() + 1);

            assertThat(valueNextTo(summary, "Charges (ECC)").getNumericCellValue()).isEqualTo(1);
            assertThat(ecc.getCell(0).getStringCellValue()).isEqualTo(ECC);
            assertThat(numbers(ecc, 3, 10)).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0);
        }
    }

    @Test
    void listsEveryVehicleThatDidNotRunWithTheRuleAndEvidence() throws IOException {
        try (XSSFWorkbook wb = written(ComplianceReportFixtures.withEverythingToRedoAVerdict())) {
            Sheet setAside = wb.getSheet("Vehicles set aside");

            assertThat(setAside.getLastRowNum()).isEqualTo(2);
            assertThat(texts(setAside.getRow(1))).containsExactly(OKHLA, "DL13LLG9694", "LGV", "DIESEL", "BS4", "DL",
                    "2014-03-17", "2027-07-11", "2029-10-29", "DL", "SET_ASIDE", "DL-AGE-DIESEL-10Y",
                    OLD_DIESEL.evidence());
            assertThat(texts(setAside.getRow(2))).contains("NO_ROUTE");
            assertThat(valueNextTo(summary(wb), "Vehicles not run").getNumericCellValue()).isEqualTo(2);
        }
    }

    private static Sheet summary(XSSFWorkbook wb) {
        return wb.getSheet("Summary");
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        byte[] xlsx = Written.leavingTheStreamOpen(out -> writer.write(ComplianceReportFixtures.grapNightWithABlockedTruck(), out));

        assertThat(xlsx).isNotEmpty();
    }

    @Test
    void checkedAtIsTheInstantInIst() {
        assertThat(CHECKED_AT.atZone(ComplianceRows.IST).toLocalTime().toString()).isEqualTo("21:30:15");
    }

    private XSSFWorkbook written(ComplianceReport report) throws IOException {
        return Workbooks.read(Written.bytes(out -> writer.write(report, out)));
    }

    private static List<Double> numbers(Row row, int from, int to) {
        List<Double> numbers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            numbers.add(row.getCell(i).getNumericCellValue());
        }
        return numbers;
    }
}
