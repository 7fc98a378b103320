package dev.routeplan.reports.pdf;

import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flattens a plan into the template's rows: one row per stop, each repeating its route's header
 * facts so the template can group on the vehicle id. Everything is formatted here, in Java, so
 * dates and numbers read the same as in the workbook and the template holds no logic.
 */
final class ManifestRows {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT);

    private ManifestRows() {
    }

    /** Template parameters; a mutable map because filling a report writes into it. */
    static Map<String, Object> parameters(DepotPlanDocument doc) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("depotId", doc.depot().id());
        parameters.put("depotName", DevanagariMarkup.styled(doc.depot().name()));
        parameters.put("planDate", DATE.format(doc.planDate()));
        // only routes that passed the verifier are published, so every manifest carries PASS
        parameters.put("compliance", "Rule pack " + doc.rulePackId() + " " + doc.rulePackVersion() + ": PASS");
        return parameters;
    }

    static List<Map<String, ?>> rows(DepotPlanDocument doc) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (RouteDocument route : doc.routes()) {
            Map<String, Object> header = routeHeader(doc, route);
            if (route.stopCount() == 0) {
                rows.add(header); // still a page for the vehicle; the detail band skips the blank stop
            }
            for (int i = 0; i < route.stopCount(); i++) {
                Map<String, Object> row = new HashMap<>(header);
                row.putAll(stop(doc, route.route().stops().get(i), route.orders().get(i)));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> routeHeader(DepotPlanDocument doc, RouteDocument route) {
        Vehicle vehicle = route.vehicle();
        Map<String, Object> row = new HashMap<>();
        row.put("vehicleId", vehicle.id());
        row.put("vehicle", vehicle.id() + " · " + vehicle.vehicleClass() + " · " + vehicle.fuel() + " · "
                + vehicle.emissionNorm());
        row.put("driver", vehicle.driverId());
        row.put("registration", vehicle.id() + " · registered in " + vehicle.registrationState() + " on "
                + DATE.format(vehicle.registrationDate()));
        row.put("shift", vehicle.shift().toString());
        row.put("departure", DATE_TIME.format(doc.localTime(route.route().departureSeconds())));
        row.put("returnTime", DATE_TIME.format(doc.localTime(route.route().returnSeconds())));
        row.put("totals", String.format(Locale.ROOT, "Totals: %d stops · %.1f km · %.0f kg loaded · %.1f h driving",
                route.stopCount(), route.route().distanceKm(), route.loadKg(), route.drivingSeconds() / 3600.0));
        return row;
    }

    private static Map<String, Object> stop(DepotPlanDocument doc, PlannedStop stop, Order order) {
        Map<String, Object> row = new HashMap<>();
        row.put("seq", Integer.toString(stop.sequence()));
        row.put("orderId", stop.orderId());
        row.put("customer", DevanagariMarkup.styled(order.customerName()));
        // the one contact detail a driver needs; nothing else of the customer goes on the manifest (issue 17)
        row.put("phone", DriverPhone.readable(order.phone()));
        row.put("address", DevanagariMarkup.styled(order.address()));
        row.put("pincode", order.pincode());
        row.put("window", order.windows().toString());
        row.put("arrival", DATE_TIME.format(doc.localTime(stop.arrivalSeconds())));
        row.put("leaves", DATE_TIME.format(doc.localTime(stop.departureSeconds())));
        row.put("serviceMinutes", Integer.toString(order.serviceMinutes()));
        row.put("weightKg", String.format(Locale.ROOT, "%.0f", order.weightKg()));
        return row;
    }
}
