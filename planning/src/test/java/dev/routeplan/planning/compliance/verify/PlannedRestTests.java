package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.at;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.orderAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rest the plan gives the driver at a customer's premises after service is a break, and shifts the times after it. */
class PlannedRestTests {

    static final LocalDate DAY = LocalDate.of(2026, 1, 10);
    static final TimeWindow ALL_DAY = TimeWindow.of("00:00", "00:00");

    @Test
    void aThirtyMinuteRestAtAPremisesBreaksSixHoursOfWorkInTwo() {
        // six stops of 55 min service and 30 min legs from 09:00: about 8 h 30 of work with one rest after the third
        RouteUnderReview withRest = route(List.of(0L, 0L, 30 * 60L, 0L, 0L, 0L));
        RouteUnderReview withoutRest = route(List.of(0L, 0L, 0L, 0L, 0L, 0L));

        ComplianceVerifier verifier = new ComplianceVerifier(
                RulePackLoader.load(Path.of("../config/rules/delhi.yaml")), ComplianceFixtures.HALF_HOUR_LEGS);

        assertThat(verifier.verify(withoutRest).check("DRV-BREAK").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        RouteVerdict rested = verifier.verify(withRest);
        assertThat(rested.check("DRV-BREAK").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(rested.check("PLAN-TIMELINE").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    private static RouteUnderReview route(List<Long> restAfter) {
        var base = ComplianceFixtures.planned(ComplianceFixtures.threeWheelerCngDelhi(), DAY, 0, at("09:00"), orders());
        List<PlannedStop> stops = new ArrayList<>();
        long shift = 0;
        for (int i = 0; i < base.route().stops().size(); i++) {
            PlannedStop s = base.route().stops().get(i);
            stops.add(new PlannedStop(s.sequence(), s.orderId(), s.arrivalSeconds() + shift, s.serviceStartSeconds() + shift,
                    s.departureSeconds() + shift + restAfter.get(i), s.legKm(), s.loadAfterKg()));
            shift += restAfter.get(i);
        }
        PlannedRoute r = base.route();
        return new RouteUnderReview(DAY, base.grap(), base.depot(), base.vehicle(),
                new PlannedRoute(r.vehicleId(), r.depotId(), r.departureSeconds(), r.returnSeconds() + shift, r.distanceKm(), stops),
                base.ordersInStopOrder(), List.of());
    }

    private static List<Order> orders() {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(orderAt("ORD-" + i, new GeoPoint(28.53 + 0.001 * i, 77.27), 50, ALL_DAY, 55, "GENERAL"));
        }
        return orders;
    }
}
