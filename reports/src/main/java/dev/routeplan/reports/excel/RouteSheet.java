package dev.routeplan.reports.excel;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import java.util.List;
import java.util.Locale;

/** One route's stops in driving order, with times in IST and a map link per stop. */
final class RouteSheet {

    private static final List<Column> COLUMNS = List.of(
            new Column("Seq", 6), new Column("Order", 16), new Column("Customer", 28),
            new Column("Address", 48), new Column("Pincode", 9), new Column("Arrival (IST)", 18),
            new Column("Departure (IST)", 18), new Column("Window", 13), new Column("Service min", 11),
            new Column("Load after (kg)", 14), new Column("Map link", 12));

    private RouteSheet() {
    }

    static void write(DepotPlanDocument doc, RouteDocument route, SheetTable table) {
        table.header(COLUMNS);
        List<PlannedStop> stops = route.route().stops();
        for (int i = 0; i < stops.size(); i++) {
            PlannedStop stop = stops.get(i);
            Order order = route.orders().get(i);
            table.row()
                    .integer(stop.sequence())
                    .text(stop.orderId())
                    .text(order.customerName())
                    .text(order.address())
                    .text(order.pincode())
                    .dateTime(doc.localTime(stop.arrivalSeconds()))
                    .dateTime(doc.localTime(stop.departureSeconds()))
                    .text(order.windows().toString())
                    .integer(order.serviceMinutes())
                    .number(stop.loadAfterKg())
                    .link("Map", mapUrl(order.location()));
        }
        table.finish();
    }

    static String mapUrl(GeoPoint point) {
        // Locale.ROOT: a decimal comma from the JVM's locale would make the link point elsewhere
        return String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
                point.lat(), point.lon(), point.lat(), point.lon());
    }
}
