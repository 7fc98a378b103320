package dev.routeplan.reports.excel;

import static dev.routeplan.reports.DepotPlanFixtures.DAY_VAN;
import static dev.routeplan.reports.DepotPlanFixtures.EVIL_CUSTOMER;
import static dev.routeplan.reports.DepotPlanFixtures.NIGHT_TRUCK;
import static dev.routeplan.reports.Workbooks.autoFilter;
import static dev.routeplan.reports.Workbooks.formulaCells;
import static dev.routeplan.reports.Workbooks.pictures;
import static dev.routeplan.reports.Workbooks.rowStartingWith;
import static dev.routeplan.reports.Workbooks.sheetNames;
import static dev.routeplan.reports.Workbooks.texts;
import static dev.routeplan.reports.Workbooks.valueNextTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.DepotPlanFixtures;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteMapImage;
import dev.routeplan.reports.Workbooks;
import dev.routeplan.reports.Written;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PlanWorkbookWriterTests {

    private static final int ARRIVAL = 5;
    private static final int MAP_LINK = 10;

    private final PlanWorkbookWriter writer = new PlanWorkbookWriter();

    @Test
    void writesSummaryThenOneSheetPerRouteThenUnassigned() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            assertThat(sheetNames(wb)).containsExactly("Summary", DAY_VAN, NIGHT_TRUCK, "Unassigned");
        }
    }

    @Test
    void namesTheStopColumnsInTheHeaderRow() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            assertThat(texts(wb.getSheet(DAY_VAN).getRow(0))).containsExactly("Seq", "Order", "Customer", "Address",
                    "Pincode", "Arrival (IST)", "Departure (IST)", "Window", "Service min", "Load after (kg)", "Map link");
        }
    }

    @Test
    void writesAStopWithArrivalAsAnIstDateTimeValue() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Row first = wb.getSheet(DAY_VAN).getRow(1);

            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("ORD-1001");
            Cell arrival = first.getCell(ARRIVAL);
            assertThat(arrival.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(arrival)).isTrue();
            assertThat(arrival.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 11, 14, 9, 20));
            assertThat(arrival.getCellStyle().getDataFormatString()).isEqualTo("dd-mm-yyyy hh:mm");
            assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(560.0);
        }
    }

    @Test
    void showsAStopAfterMidnightOnTheNextDay() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Row second = wb.getSheet(NIGHT_TRUCK).getRow(2);

            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("ORD-2002");
            assertThat(second.getCell(ARRIVAL).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2025, 11, 15, 0, 20));
            assertThat(second.getCell(7).getStringCellValue()).isEqualTo("23:00-05:00");
        }
    }

    @Test
    void showsBothWindowsOfAnOrderThatHasTwo() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Row third = wb.getSheet(DAY_VAN).getRow(3);

            assertThat(third.getCell(1).getStringCellValue()).isEqualTo("ORD-1003");
            assertThat(third.getCell(7).getStringCellValue()).isEqualTo("09:30-11:00, 16:00-18:00");
        }
    }

    @Test
    void escapesTextThatLooksLikeAFormula() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Cell customer = wb.getSheet(DAY_VAN).getRow(2).getCell(2);
            assertThat(customer.getCellType()).isEqualTo(CellType.STRING);
            assertThat(customer.getStringCellValue()).isEqualTo("'" + EVIL_CUSTOMER);

            Cell detail = wb.getSheet("Unassigned").getRow(1).getCell(2);
            assertThat(detail.getStringCellValue()).isEqualTo("'+2,500 kg over the largest eligible vehicle");
        }
    }

    @Test
    void writesNoFormulaCellAnywhere() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            assertThat(formulaCells(wb)).isEmpty();
        }
    }

    @Test
    void freezesAndFiltersTheHeaderRowOfEveryTable() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            for (String name : List.of(DAY_VAN, NIGHT_TRUCK, "Unassigned")) {
                XSSFSheet sheet = wb.getSheet(name);
                assertThat(sheet.getPaneInformation()).as(name).isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(name).startsWith("A1:");
            }
            assertThat(wb.getSheet(DAY_VAN).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K4");
        }
    }

    @Test
    void summarisesTheDepotsNight() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Sheet summary = wb.getSheet("Summary");

            assertThat(valueNextTo(summary, "Depot").getStringCellValue()).isEqualTo("DEL-OKH");
            assertThat(valueNextTo(summary, "Plan date").getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(DepotPlanFixtures.PLAN_DATE);
            assertThat(valueNextTo(summary, "Rule pack").getStringCellValue()).isEqualTo("DELHI-GOODS");
            assertThat(valueNextTo(summary, "Rule pack version").getStringCellValue()).isEqualTo("2025.11");
            assertThat(valueNextTo(summary, "Vehicles used").getNumericCellValue()).isEqualTo(2);
            assertThat(valueNextTo(summary, "Stops").getNumericCellValue()).isEqualTo(5);
            assertThat(valueNextTo(summary, "Total km").getNumericCellValue()).isCloseTo(106.7, within(1e-9));
            // 75 min for the van, 185 min for the truck: waiting and service are not driving
            assertThat(valueNextTo(summary, "Total driving hours").getNumericCellValue())
                    .isCloseTo(260 / 60.0, within(1e-9));
            assertThat(valueNextTo(summary, "Load utilisation").getNumericCellValue())
                    .isCloseTo((980 + 7_300) / (1_500.0 + 9_000.0), within(1e-9));
            assertThat(valueNextTo(summary, "Unassigned orders").getNumericCellValue()).isEqualTo(2);
        }
    }

    @Test
    void showsTheEfficiencyGainAgainstTheBaselineWhenMeasured() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutesAndBaseline())) {
            Sheet summary = wb.getSheet("Summary");

            assertThat(valueNextTo(summary, "Baseline km").getNumericCellValue()).isCloseTo(142.3, within(1e-9));
            assertThat(valueNextTo(summary, "Baseline orders served").getNumericCellValue()).isEqualTo(5);
            Cell gain = valueNextTo(summary, "Fewer km per order vs baseline %");
            assertThat(gain.getNumericCellValue()).isCloseTo(1 - 106.7 / 142.3, within(1e-9));
            assertThat(valueNextTo(summary, "Total km difference vs baseline (secondary)").getNumericCellValue())
                    .isCloseTo(106.7 - 142.3, within(1e-9));
            assertThat(gain.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(valueNextTo(summary, "Total km").getNumericCellValue()).isCloseTo(106.7, within(1e-9));
        }
    }

    @Test
    void leavesTheBaselineOffTheSummaryWhenNotMeasured() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            for (Row row : wb.getSheet("Summary")) {
                Cell first = row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING) {
                    assertThat(first.getStringCellValue()).doesNotContain("aseline");
                }
            }
        }
    }

    @Test
    void listsEachRouteOnTheSummaryWithReturnAfterMidnight() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Sheet summary = wb.getSheet("Summary");
            Row header = rowStartingWith(summary, "Vehicle");
            Row night = summary.getRow(header.getRowNum() + 2);

            assertThat(texts(header)).startsWith("Vehicle", "Class", "Driver", "Departure (IST)", "Return (IST)");
            assertThat(night.getCell(0).getStringCellValue()).isEqualTo(NIGHT_TRUCK);
            assertThat(night.getCell(1).getStringCellValue()).isEqualTo("HGV");
            assertThat(night.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 11, 15, 2, 30));
            assertThat(night.getCell(7).getNumericCellValue()).isEqualTo(7_300.0);
            assertThat(summary.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) (header.getRowNum() + 1));
        }
    }

    @Test
    void linksEachStopToOpenStreetMap() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Cell link = wb.getSheet(DAY_VAN).getRow(1).getCell(MAP_LINK);

            assertThat(link.getHyperlink().getType()).isEqualTo(HyperlinkType.URL);
            assertThat(link.getHyperlink().getAddress())
                    .startsWith("https://www.openstreetmap.org/?mlat=28.567700&mlon=77.243300");
        }
    }

    @Test
    void listsUnassignedOrdersWithTheirReason() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            Sheet unassigned = wb.getSheet("Unassigned");

            assertThat(texts(unassigned.getRow(0))).containsExactly("Order", "Reason", "Detail");
            assertThat(texts(unassigned.getRow(2))).startsWith("ORD-3002", "WINDOW_UNREACHABLE");
        }
    }

    @Test
    void writesADepotWithoutRoutesAsSummaryAndUnassignedOnly() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithoutRoutes())) {
            assertThat(sheetNames(wb)).containsExactly("Summary", "Unassigned");
            assertThat(valueNextTo(wb.getSheet("Summary"), "Load utilisation").getNumericCellValue()).isZero();
        }
    }

    @Test
    void countsOnlyVehiclesThatLeaveTheDepot() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithAnIdleTruck())) {
            Sheet summary = wb.getSheet("Summary");

            assertThat(wb.getSheet("DL1GC0007")).isNotNull();
            assertThat(valueNextTo(summary, "Vehicles used").getNumericCellValue()).isEqualTo(2);
            assertThat(valueNextTo(summary, "Load utilisation").getNumericCellValue())
                    .isCloseTo((980 + 7_300) / (1_500.0 + 9_000.0), within(1e-9));
        }
    }

    @Test
    void streamsARouteLongerThanTheRowWindow() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithOneLongRoute(250))) {
            Sheet route = wb.getSheet(DAY_VAN);

            assertThat(route.getLastRowNum()).isEqualTo(250);
            assertThat(route.getRow(250).getCell(1).getStringCellValue()).isEqualTo("ORD-L250");
            assertThat(wb.getSheet(DAY_VAN).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K251");
        }
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        byte[] xlsx = Written.leavingTheStreamOpen(out -> writer.write(DepotPlanFixtures.okhlaWithTwoRoutes(), out));

        assertThat(xlsx).isNotEmpty();
    }

    private XSSFWorkbook written(DepotPlanDocument doc) throws IOException {
        return Workbooks.read(Written.bytes(out -> writer.write(doc, out)));
    }

    @Test
    void addsTheRejectedRowsSheetLastWhenTheCallerPassesIngestsRejects() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes(), null, PlanWorkbookFixtures.rejectedRows())) {
            assertThat(sheetNames(wb)).containsExactly("Summary", DAY_VAN, NIGHT_TRUCK, "Unassigned", "Rejected rows");
        }
    }

    @Test
    void listsEachRejectedRowWithFileRowOrderReasonsAndMessage() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes(), null, PlanWorkbookFixtures.rejectedRows())) {
            XSSFSheet rejected = wb.getSheet("Rejected rows");

            assertThat(texts(rejected.getRow(0))).containsExactly("File", "Row", "Order", "Reason codes", "Message");
            Row first = rejected.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("orders-okhla.csv");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(17);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("ORD-9001");
            Row second = rejected.getRow(2);
            assertThat(second.getCell(2).getStringCellValue()).isEmpty();
            assertThat(second.getCell(3).getStringCellValue()).isEqualTo("MISSING_ORDER_ID; BAD_PINCODE");
            assertThat(second.getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(second.getCell(4).getStringCellValue()).isEqualTo("'" + PlanWorkbookFixtures.EVIL_MESSAGE);
            assertThat(rejected.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(autoFilter(rejected)).isEqualTo("A1:E3");
        }
    }

    @Test
    void saysNoneWhenIngestRejectedNothing() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes(), null, List.of())) {
            XSSFSheet rejected = wb.getSheet("Rejected rows");

            assertThat(texts(rejected.getRow(0))).startsWith("File", "Row");
            assertThat(rejected.getRow(1).getCell(0).getStringCellValue()).isEqualTo("none");
            assertThat(rejected.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void showsCostAndKmPerServedOrderOfBothPlansAndThatTheyCompare() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutesAndBaseline())) {
            Sheet summary = wb.getSheet("Summary");

            // INR 5,100 for 5 orders against the hand plan's INR 6,200 for 5
            assertThat(valueNextTo(summary, "Plan cost per order (INR)").getNumericCellValue()).isCloseTo(1_020.0, within(1e-9));
            assertThat(valueNextTo(summary, "Baseline cost per order (INR)").getNumericCellValue()).isCloseTo(1_240.0, within(1e-9));
            Cell costGain = valueNextTo(summary, "Lower cost per order vs baseline %");
            assertThat(costGain.getNumericCellValue()).isCloseTo(1 - 1_020.0 / 1_240.0, within(1e-9));
            assertThat(costGain.getCellStyle().getDataFormatString()).isEqualTo("0.0%");

            assertThat(valueNextTo(summary, "Baseline km per order").getNumericCellValue()).isCloseTo(142.3 / 5, within(1e-9));
            assertThat(valueNextTo(summary, "Plan km per order").getNumericCellValue()).isCloseTo(106.7 / 5, within(1e-9));
            assertThat(valueNextTo(summary, "Plan orders served").getNumericCellValue()).isEqualTo(5);
            assertThat(valueNextTo(summary, "Compared with baseline").getStringCellValue()).isEqualTo("comparable");
        }
    }

    @Test
    void saysTheBaselineIsNotComparableWhenItServesADifferentNumberOfOrders() throws IOException {
        try (XSSFWorkbook wb = written(PlanWorkbookFixtures.okhlaAgainstABaselineServingMore())) {
            Sheet summary = wb.getSheet("Summary");

            assertThat(valueNextTo(summary, "Compared with baseline").getStringCellValue())
                    .isEqualTo("not comparable: baseline serves 6 orders, plan 5");
            // the plan costs less per order served although the hand plan serves one more
            assertThat(valueNextTo(summary, "Baseline cost per order (INR)").getNumericCellValue()).isCloseTo(1_200.0, within(1e-9));
            assertThat(valueNextTo(summary, "Plan cost per order (INR)").getNumericCellValue()).isCloseTo(1_020.0, within(1e-9));
            assertThat(valueNextTo(summary, "Baseline km per order").getNumericCellValue()).isCloseTo(25.0, within(1e-9));
            assertThat(valueNextTo(summary, "Plan km per order").getNumericCellValue()).isCloseTo(106.7 / 5, within(1e-9));
        }
    }

    @Test
    void leavesTheCostCellsEmptyWhenTheBaselinesCostWasNotRecorded() throws IOException {
        DepotPlanDocument doc = DepotPlanFixtures.okhlaWithTwoRoutes();
        DepotPlanDocument storedBeforeCosts = new DepotPlanDocument(doc.planDate(), doc.depot(), doc.routes(), doc.unassigned(),
                doc.rulePackId(), doc.rulePackVersion(),
                new EfficiencyGain(142.3, doc.distanceKm(), 5, doc.stopCount(), EfficiencyGain.NOT_RECORDED, 5_100));
        try (XSSFWorkbook wb = written(storedBeforeCosts)) {
            Sheet summary = wb.getSheet("Summary");

            for (String label : List.of("Baseline cost per order (INR)", "Lower cost per order vs baseline %")) {
                assertThat(rowStartingWith(summary, label).getCell(1)).as(label).isNull();
            }
            assertThat(valueNextTo(summary, "Plan cost per order (INR)").getNumericCellValue()).isCloseTo(1_020.0, within(1e-9));
            assertThat(valueNextTo(summary, "Plan km per order").getNumericCellValue()).isCloseTo(106.7 / 5, within(1e-9));
        }
    }

    @Test
    void countsTheOrdersOfRoutesBlockedByCompliance() throws IOException {
        try (XSSFWorkbook wb = written(PlanWorkbookFixtures.okhlaWithABlockedRoute())) {
            Sheet summary = wb.getSheet("Summary");

            assertThat(valueNextTo(summary, "Unassigned orders").getNumericCellValue()).isEqualTo(5);
            assertThat(valueNextTo(summary, "Blocked by compliance (orders)").getNumericCellValue()).isEqualTo(3);
        }
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes())) {
            assertThat(valueNextTo(wb.getSheet("Summary"), "Blocked by compliance (orders)").getNumericCellValue()).isZero();
        }
    }

    @Test
    void embedsTheRouteMapOnTheSummaryBelowTheRouteTable() throws IOException {
        RouteMapImage map = PlanWorkbookFixtures.map(400, 300);
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes(), map, List.of())) {
            XSSFSheet summary = wb.getSheet("Summary");
            List<XSSFPicture> pictures = pictures(summary);

            assertThat(pictures).hasSize(1);
            assertThat(pictures.get(0).getPictureData().getData()).isEqualTo(map.png());
            assertThat(pictures.get(0).getPictureData().getMimeType()).isEqualTo("image/png");
            Row lastRoute = rowStartingWith(summary, NIGHT_TRUCK);
            XSSFClientAnchor anchor = pictures.get(0).getClientAnchor();
            assertThat(anchor.getRow1()).isGreaterThan(lastRoute.getRowNum());
            assertThat(anchor.getCol1()).isZero();
            // a small map keeps its own pixels: 300 px at the default 20 px rows
            assertThat(anchor.getRow2() - anchor.getRow1()).isEqualTo(15);
            assertThat(anchoredWidthPx(summary, anchor)).isCloseTo(400, within(1.0));
        }
    }

    @Test
    void shrinksALargeMapToScreenWidthKeepingItsShape() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes(), PlanWorkbookFixtures.map(2400, 1800), List.of())) {
            XSSFSheet summary = wb.getSheet("Summary");
            XSSFClientAnchor anchor = pictures(summary).get(0).getClientAnchor();

            assertThat(anchoredWidthPx(summary, anchor)).isCloseTo(960, within(1.0));
            assertThat(anchor.getRow2() - anchor.getRow1()).isEqualTo(720 / 20);
        }
    }

    @Test
    void placesNoPictureWithoutAMap() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes(), null, List.of())) {
            assertThat(pictures(wb.getSheet("Summary"))).isEmpty();
            assertThat(wb.getAllPictures()).isEmpty();
        }
    }

    @Test
    void writesDepartureAsATimeValueToo() throws IOException {
        try (XSSFWorkbook wb = written(DepotPlanFixtures.okhlaWithTwoRoutes(), null, List.of())) {
            Cell departure = wb.getSheet(DAY_VAN).getRow(2).getCell(ARRIVAL + 1);

            assertThat(departure.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(departure)).isTrue();
            assertThat(departure.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 11, 14, 10, 10));
        }
    }

    private XSSFWorkbook written(DepotPlanDocument doc, RouteMapImage map, List<RejectedRow> rejected) throws IOException {
        return Workbooks.read(Written.bytes(out -> writer.write(doc, map, rejected, out)));
    }

    /** The width the picture spans, from its columns' widths and the offset into its last column. */
    private static double anchoredWidthPx(XSSFSheet sheet, XSSFClientAnchor anchor) {
        double width = 0;
        for (int col = anchor.getCol1(); col < anchor.getCol2(); col++) {
            width += Math.round(sheet.getColumnWidthInPixels(col));
        }
        return width + anchor.getDx2() / (double) Units.EMU_PER_PIXEL - anchor.getDx1() / (double) Units.EMU_PER_PIXEL;
    }
}
