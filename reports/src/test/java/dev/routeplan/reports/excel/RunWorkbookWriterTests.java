package dev.routeplan.reports.excel;

import static dev.routeplan.reports.DepotPlanFixtures.DAY_VAN;
import static dev.routeplan.reports.DepotPlanFixtures.EVIL_CUSTOMER;
import static dev.routeplan.reports.DepotPlanFixtures.NIGHT_TRUCK;
import static dev.routeplan.reports.Workbooks.autoFilter;
import static dev.routeplan.reports.Workbooks.pictures;
import static dev.routeplan.reports.Workbooks.rowStartingWith;
import static dev.routeplan.reports.Workbooks.sheetNames;
import static dev.routeplan.reports.Workbooks.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.DepotPlanFixtures;
import dev.routeplan.reports.RouteMapImage;
import dev.routeplan.reports.Workbooks;
import dev.routeplan.reports.Written;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class RunWorkbookWriterTests {

    private static final String OKHLA = "DEL-OKH";
    private static final String NARELA = "DEL-NRL";
    private static final int VEHICLES = 2, STOPS = 3, KM = 4, LOAD = 6, UNASSIGNED = 7, BLOCKED = 8,
            BASELINE_COST_PER_ORDER = 9, PLAN_COST_PER_ORDER = 10, COST_GAIN = 11,
            BASELINE_KM = 12, BASELINE_KM_PER_ORDER = 13, PLAN_KM_PER_ORDER = 14, GAIN = 15, COMPARED = 16;

    private final RunWorkbookWriter writer = new RunWorkbookWriter();

    @Test
    void writesOverviewThenEachDepotsRoutesThenOneUnassignedAndOneRejectedRowsSheet() throws IOException {
        try (XSSFWorkbook wb = written(twoDepots(), Map.of())) {
            assertThat(sheetNames(wb)).containsExactly("Overview", OKHLA + " " + DAY_VAN, OKHLA + " " + NIGHT_TRUCK,
                    NARELA + " " + DAY_VAN, NARELA + " " + NIGHT_TRUCK, "Unassigned", "Rejected rows");
        }
    }

    @Test
    void listsEachDepotOnTheOverviewWithATotalsLine() throws IOException {
        try (XSSFWorkbook wb = written(twoDepots(), Map.of())) {
            XSSFSheet overview = wb.getSheet("Overview");
            Row okhla = rowStartingWith(overview, OKHLA);
            Row narela = rowStartingWith(overview, NARELA);
            Row total = rowStartingWith(overview, "Total");

            assertThat(texts(rowStartingWith(overview, "Depot"))).startsWith("Depot", "Depot name", "Vehicles used", "Stops", "Km");
            assertThat(okhla.getCell(1).getStringCellValue()).isEqualTo("Okhla Phase II Depot");
            assertThat(okhla.getCell(VEHICLES).getNumericCellValue()).isEqualTo(2);
            assertThat(okhla.getCell(UNASSIGNED).getNumericCellValue()).isEqualTo(5);
            assertThat(okhla.getCell(BLOCKED).getNumericCellValue()).isEqualTo(3);
            assertThat(okhla.getCell(GAIN).getNumericCellValue()).isCloseTo(1 - 106.7 / 142.3, within(1e-9));
            assertThat(okhla.getCell(BASELINE_COST_PER_ORDER).getNumericCellValue()).isCloseTo(1_240.0, within(1e-9));
            assertThat(okhla.getCell(PLAN_COST_PER_ORDER).getNumericCellValue()).isCloseTo(1_020.0, within(1e-9));
            assertThat(okhla.getCell(COST_GAIN).getNumericCellValue()).isCloseTo(1 - 1_020.0 / 1_240.0, within(1e-9));
            assertThat(narela.getCell(BLOCKED).getNumericCellValue()).isEqualTo(1);
            assertThat(narela.getCell(BASELINE_KM).getNumericCellValue()).isCloseTo(120.0, within(1e-9));

            assertThat(total.getCell(VEHICLES).getNumericCellValue()).isEqualTo(4);
            assertThat(total.getCell(STOPS).getNumericCellValue()).isEqualTo(10);
            assertThat(total.getCell(KM).getNumericCellValue()).isCloseTo(213.4, within(1e-9));
            assertThat(total.getCell(LOAD).getNumericCellValue())
                    .isCloseTo(2 * (980 + 7_300) / (2 * (1_500.0 + 9_000.0)), within(1e-9));
            assertThat(total.getCell(LOAD).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(total.getCell(UNASSIGNED).getNumericCellValue()).isEqualTo(6);
            assertThat(total.getCell(BLOCKED).getNumericCellValue()).isEqualTo(4);
            // INR 6,200 + 5,900 for the hand plans' 10 orders, INR 5,100 + 5,100 for the plans'
            assertThat(total.getCell(BASELINE_COST_PER_ORDER).getNumericCellValue()).isCloseTo(12_100.0 / 10, within(1e-9));
            assertThat(total.getCell(PLAN_COST_PER_ORDER).getNumericCellValue()).isCloseTo(10_200.0 / 10, within(1e-9));
            assertThat(total.getCell(COST_GAIN).getNumericCellValue()).isCloseTo(1 - 1_020.0 / 1_210.0, within(1e-9));
            assertThat(total.getCell(BASELINE_KM).getNumericCellValue()).isCloseTo(262.3, within(1e-9));
            assertThat(total.getCell(BASELINE_KM_PER_ORDER).getNumericCellValue()).isCloseTo(262.3 / 10, within(1e-9));
            assertThat(total.getCell(PLAN_KM_PER_ORDER).getNumericCellValue()).isCloseTo(213.4 / 10, within(1e-9));
            assertThat(total.getCell(GAIN).getNumericCellValue()).isCloseTo(1 - 213.4 / 262.3, within(1e-9));
            assertThat(total.getCell(COMPARED).getStringCellValue()).isEqualTo("comparable");
        }
    }

    @Test
    void freezesTheDepotHeaderAndKeepsTheTotalsLineOutOfTheFilter() throws IOException {
        try (XSSFWorkbook wb = written(twoDepots(), Map.of())) {
            XSSFSheet overview = wb.getSheet("Overview");
            int header = rowStartingWith(overview, "Depot").getRowNum();

            assertThat(overview.getPaneInformation().isFreezePane()).isTrue();
            assertThat(overview.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) (header + 1));
            assertThat(autoFilter(overview)).isEqualTo("A" + (header + 1) + ":Q" + (header + 3));
            assertThat(rowStartingWith(overview, "Total").getRowNum()).isEqualTo(header + 3);
        }
    }

    @Test
    void leavesTheBaselineTotalOpenWhenADepotWasNotMeasured() throws IOException {
        List<DepotPlanDocument> docs = List.of(DepotPlanFixtures.okhlaWithTwoRoutes(),
                PlanWorkbookFixtures.narelaWithTwoRoutesAndBaseline());
        try (XSSFWorkbook wb = written(docs, Map.of())) {
            XSSFSheet overview = wb.getSheet("Overview");
            Row okhla = rowStartingWith(overview, OKHLA);
            Row total = rowStartingWith(overview, "Total");

            assertThat(okhla.getCell(GAIN)).isNull();
            assertThat(okhla.getCell(COMPARED).getStringCellValue()).isEqualTo("no baseline");
            assertThat(total.getCell(KM).getNumericCellValue()).isCloseTo(213.4, within(1e-9));
            assertThat(total.getCell(BASELINE_KM)).isNull();
            assertThat(total.getCell(BASELINE_COST_PER_ORDER)).isNull();
            assertThat(total.getCell(GAIN)).isNull();
        }
    }

    @Test
    void saysWhenADepotsBaselineIsNotComparable() throws IOException {
        List<DepotPlanDocument> docs = List.of(PlanWorkbookFixtures.okhlaAgainstABaselineServingMore());
        try (XSSFWorkbook wb = written(docs, Map.of())) {
            assertThat(rowStartingWith(wb.getSheet("Overview"), OKHLA).getCell(COMPARED).getStringCellValue())
                    .isEqualTo("not comparable: baseline serves 6 orders, plan 5");
        }
    }

    @Test
    void putsEachDepotsRouteMapOnTheOverviewOneBelowTheOther() throws IOException {
        RouteMapImage okhlaMap = PlanWorkbookFixtures.map(640, 480);
        RouteMapImage narelaMap = PlanWorkbookFixtures.map(800, 400);
        try (XSSFWorkbook wb = written(twoDepots(), Map.of(OKHLA, okhlaMap, NARELA, narelaMap))) {
            XSSFSheet overview = wb.getSheet("Overview");
            List<XSSFPicture> pictures = pictures(overview);

            assertThat(pictures).hasSize(2);
            assertThat(pictures.get(0).getPictureData().getData()).isEqualTo(okhlaMap.png());
            assertThat(pictures.get(1).getPictureData().getData()).isEqualTo(narelaMap.png());
            int totals = rowStartingWith(overview, "Total").getRowNum();
            assertThat(pictures.get(0).getClientAnchor().getRow1()).isGreaterThan(totals);
            assertThat(pictures.get(1).getClientAnchor().getRow1()).isGreaterThan(pictures.get(0).getClientAnchor().getRow2());
            assertThat(rowStartingWith(overview, "Route map " + NARELA).getRowNum())
                    .isEqualTo(pictures.get(1).getClientAnchor().getRow1() - 1);
        }
        try (XSSFWorkbook wb = written(twoDepots(), Map.of(NARELA, narelaMap))) {
            assertThat(pictures(wb.getSheet("Overview"))).hasSize(1);
        }
    }

    @Test
    void writesRouteSheetsAsInTheDepotWorkbook() throws IOException {
        try (XSSFWorkbook wb = written(twoDepots(), Map.of())) {
            XSSFSheet night = wb.getSheet(NARELA + " " + NIGHT_TRUCK);
            Cell arrival = night.getRow(2).getCell(5);

            assertThat(arrival.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(arrival)).isTrue();
            assertThat(arrival.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 11, 15, 0, 20));
            assertThat(night.getRow(1).getCell(10).getHyperlink().getAddress())
                    .startsWith("https://www.openstreetmap.org/?mlat=28.852700&mlon=77.092900");
            assertThat(wb.getSheet(OKHLA + " " + DAY_VAN).getRow(2).getCell(2).getStringCellValue())
                    .isEqualTo("'" + EVIL_CUSTOMER);
            assertThat(autoFilter(night)).isEqualTo("A1:K3");
        }
    }

    @Test
    void listsEveryDepotsUnassignedOrdersWithTheirDepot() throws IOException {
        try (XSSFWorkbook wb = written(twoDepots(), Map.of())) {
            XSSFSheet unassigned = wb.getSheet("Unassigned");

            assertThat(texts(unassigned.getRow(0))).containsExactly("Depot", "Order", "Reason", "Detail");
            assertThat(texts(unassigned.getRow(1))).startsWith(OKHLA, "ORD-3001", "EXCEEDS_CAPACITY");
            assertThat(texts(unassigned.getRow(6))).containsExactly(NARELA, "ORD-5001", "BLOCKED_BY_COMPLIANCE",
                    "route of HR55AB9876 blocked: GRAP_STAGE_3");
            assertThat(autoFilter(unassigned)).isEqualTo("A1:D7");
        }
    }

    @Test
    void listsTheRunsRejectedRowsOnce() throws IOException {
        try (XSSFWorkbook wb = written(twoDepots(), Map.of())) {
            XSSFSheet rejected = wb.getSheet("Rejected rows");

            assertThat(rejected.getLastRowNum()).isEqualTo(2);
            assertThat(rejected.getRow(2).getCell(4).getStringCellValue()).isEqualTo("'" + PlanWorkbookFixtures.EVIL_MESSAGE);
        }
    }

    @Test
    void keepsSheetNamesShortAndUniqueForLongDepotIds() throws IOException {
        DepotPlanDocument okhla = DepotPlanFixtures.okhlaWithTwoRoutes();
        List<DepotPlanDocument> docs = List.of(
                withDepot(okhla, new Depot("NORTH-WEST-DELHI-BAWANA-SECTOR-5-A", "+Bawana A", new GeoPoint(28.8, 77.04),
                        TimeWindow.of("00:00", "00:00"))),
                withDepot(okhla, new Depot("NORTH-WEST-DELHI-BAWANA-SECTOR-5-B", "Bawana B", new GeoPoint(28.8, 77.04),
                        TimeWindow.of("00:00", "00:00"))));
        try (XSSFWorkbook wb = written(docs, Map.of())) {
            List<String> names = sheetNames(wb);
            Set<String> distinct = new HashSet<>();
            names.forEach(name -> distinct.add(name.toLowerCase(Locale.ROOT)));

            assertThat(names).hasSize(1 + 4 + 2).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(31));
            assertThat(distinct).hasSize(names.size());
            assertThat(rowStartingWith(wb.getSheet("Overview"), "NORTH-WEST-DELHI-BAWANA-SECTOR-5-A").getCell(1)
                    .getStringCellValue()).isEqualTo("'+Bawana A");
        }
    }

    @Test
    void refusesPlansOfDifferentDates() {
        DepotPlanDocument okhla = DepotPlanFixtures.okhlaWithTwoRoutes();
        DepotPlanDocument nextDay = new DepotPlanDocument(okhla.planDate().plusDays(1), PlanWorkbookFixtures.NARELA,
                okhla.routes(), List.of(), okhla.rulePackId(), okhla.rulePackVersion());

        assertThatThrownBy(() -> writer.write(List.of(okhla, nextDay), Map.of(), List.of(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one plan date");
    }

    private static List<DepotPlanDocument> twoDepots() {
        DepotPlanDocument okhla = PlanWorkbookFixtures.okhlaWithABlockedRoute();
        // okhla's blocked fixture has no baseline; measure it against 142.3 km for the same 5 orders
        DepotPlanDocument measured = DepotPlanFixtures.okhlaWithTwoRoutesAndBaseline();
        return List.of(new DepotPlanDocument(okhla.planDate(), okhla.depot(), okhla.routes(), okhla.unassigned(),
                        okhla.rulePackId(), okhla.rulePackVersion(), measured.efficiencyVsBaseline()),
                PlanWorkbookFixtures.narelaWithTwoRoutesAndBaseline());
    }

    private static DepotPlanDocument withDepot(DepotPlanDocument doc, Depot depot) {
        return new DepotPlanDocument(doc.planDate(), depot, doc.routes(), doc.unassigned(), doc.rulePackId(),
                doc.rulePackVersion(), doc.efficiencyVsBaseline());
    }

    private XSSFWorkbook written(List<DepotPlanDocument> docs, Map<String, RouteMapImage> maps) throws IOException {
        return Workbooks.read(Written.bytes(out -> writer.write(docs, maps, PlanWorkbookFixtures.rejectedRows(), out)));
    }
}
