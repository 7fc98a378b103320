package dev.routeplan.reports.excel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RejectedRow;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Delhi-sized night: 4 depots x 25 vans x 100 stops = 10,000 stops in one run workbook. The
 * workbook is written to a file and read back by streaming too, so this test runs in a small heap
 * (it was run with -Xmx256m); with a non-streaming writer it would not.
 */
class LargeRunWorkbookTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2025, 11, 14);
    private static final int DEPOTS = 4, VANS_PER_DEPOT = 25, STOPS_PER_VAN = 100, UNASSIGNED_PER_DEPOT = 50;

    @TempDir
    Path temp;

    @Test
    void writesTenThousandStopsOneRowEachOnTheirRouteSheets() throws Exception {
        List<DepotPlanDocument> docs = tenThousandStops();
        assertThat(docs.stream().mapToInt(DepotPlanDocument::stopCount).sum()).isEqualTo(10_000);
        Path xlsx = temp.resolve("run.xlsx");
        Map<String, RouteMapImage> maps = Map.of("DEPOT-1", PlanWorkbookFixtures.map(1600, 1200));
        List<RejectedRow> rejected = List.of(new RejectedRow("orders-1.csv", 7, "X-1", List.of("BAD_PINCODE"), "pincode 11002"));

        try (OutputStream out = Files.newOutputStream(xlsx)) {
            new RunWorkbookWriter().write(docs, maps, rejected, out);
        }

        Map<String, Integer> rows = rowsPerSheet(xlsx);
        assertThat(rows).hasSize(1 + DEPOTS * VANS_PER_DEPOT + 2);
        assertThat(rows.keySet()).first().isEqualTo("Overview");
        assertThat(rows.get("DEPOT-1 DL1LV0001")).isEqualTo(1 + STOPS_PER_VAN);
        assertThat(rows.entrySet().stream().filter(e -> e.getKey().startsWith("DEPOT-"))
                .mapToInt(e -> e.getValue() - 1).sum()).isEqualTo(10_000);
        // plan date, depots, header, a line per depot, totals; blank rows are not written at all
        assertThat(rows.get("Overview")).isEqualTo(2 + 1 + DEPOTS + 1 + 1);
        assertThat(rows.get("Unassigned")).isEqualTo(1 + DEPOTS * UNASSIGNED_PER_DEPOT);
        assertThat(rows.get("Rejected rows")).isEqualTo(2);
    }

    /** Rows per sheet in workbook order, counted from the sheet XML without loading it. */
    private static Map<String, Integer> rowsPerSheet(Path xlsx) throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    rows.put(sheets.getSheetName(), countRows(in));
                }
            }
        }
        return rows;
    }

    private static int countRows(InputStream sheetXml) throws Exception {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(sheetXml);
        int rows = 0;
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                rows++;
            }
        }
        xml.close();
        return rows;
    }

    private static List<DepotPlanDocument> tenThousandStops() {
        List<DepotPlanDocument> docs = new ArrayList<>();
        for (int d = 1; d <= DEPOTS; d++) {
            Depot depot = new Depot("DEPOT-" + d, "Depot " + d, new GeoPoint(28.5 + d * 0.05, 77.1), TimeWindow.of("00:00", "00:00"));
            List<RouteDocument> routes = new ArrayList<>();
            for (int v = 1; v <= VANS_PER_DEPOT; v++) {
                routes.add(route(depot, String.format("DL%dLV%04d", d, v)));
            }
            List<UnassignedOrder> unassigned = new ArrayList<>();
            for (int u = 1; u <= UNASSIGNED_PER_DEPOT; u++) {
                unassigned.add(new UnassignedOrder(depot.id() + "-U" + u, depot.id(), UnassignedReason.FLEET_FULL,
                        "no van had hours left"));
            }
            docs.add(new DepotPlanDocument(PLAN_DATE, depot, routes, unassigned, "DELHI-GOODS", "2025.11"));
        }
        return docs;
    }

    private static RouteDocument route(Depot depot, String vehicleId) {
        Vehicle van = new Vehicle(vehicleId, depot.id(), VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6,
                LocalDate.of(2022, 3, 1), "DL", 3_490, 2, 1_500, 7.5, TimeWindow.of("06:00", "22:00"), 18.0, 900.0,
                "DRV-" + vehicleId, LocalDate.of(2026, 2, 28), LocalDate.of(2027, 3, 31));
        List<Order> orders = new ArrayList<>();
        List<PlannedStop> stops = new ArrayList<>();
        long leave = 6 * 3600L;
        for (int i = 1; i <= STOPS_PER_VAN; i++) {
            String id = vehicleId + "-" + i;
            orders.add(new Order(id, "Kirana Store " + i, "+91 98100 00000", "Shop " + i + ", Main Market", "110020",
                    new GeoPoint(28.5 + i * 0.0001, 77.2), 10, 0.04, TimeWindow.of("06:00", "22:00"), 5, 1, depot.id(),
                    "FMCG"));
            long arrival = leave + i * 480L;
            stops.add(new PlannedStop(i, id, arrival, arrival, arrival + 300, 0.8, (STOPS_PER_VAN - i) * 10.0));
        }
        long back = leave + (STOPS_PER_VAN + 1) * 480L;
        return new RouteDocument(van, new PlannedRoute(vehicleId, depot.id(), leave, back, STOPS_PER_VAN * 0.8, stops), orders);
    }
}
