package dev.routeplan.reports.excel;

import static dev.routeplan.reports.DepotPlanFixtures.DAY_VAN;
import static dev.routeplan.reports.DepotPlanFixtures.EVIL_CUSTOMER;
import static dev.routeplan.reports.DepotPlanFixtures.NIGHT_TRUCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.DepotPlanFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
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
            Cell gain = valueNextTo(summary, "Efficiency gain vs baseline %");
            assertThat(gain.getNumericCellValue()).isCloseTo(1 - 106.7 / 142.3, within(1e-9));
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
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        writer.write(DepotPlanFixtures.okhlaWithTwoRoutes(), out);

        assertThat(out.closed).isFalse();
        assertThat(out.size()).isPositive();
    }

    private XSSFWorkbook written(DepotPlanDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(doc, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row labelled " + label + " in " + sheet.getSheetName());
    }

    private static Cell valueNextTo(Sheet sheet, String label) {
        Cell value = rowStartingWith(sheet, label).getCell(1);
        assertThat(value).as("value of " + label + " at " + new CellReference(sheet.getSheetName(), 0, 1, false, false))
                .isNotNull();
        return value;
    }
}
