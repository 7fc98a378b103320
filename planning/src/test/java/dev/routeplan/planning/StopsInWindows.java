package dev.routeplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.Order;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What each stop of a plan must hold, whichever planner made it: the solver's and the hand planner's tests ask the same. */
public final class StopsInWindows {

    private StopsInWindows() {
    }

    /**
     * Every stop of {@code plan} starts its service inside one of its order's windows, not before the
     * vehicle arrives, and leaves once the order's service time is over; there are {@code stops} of them.
     */
    public static void assertEveryStopIsServedInItsWindow(DepotPlan plan, List<Order> orders, int stops) {
        Map<String, Order> byId = orders.stream().collect(Collectors.toMap(Order::id, Function.identity()));
        assertThat(plan.routes().stream().flatMap(route -> route.stops().stream())).hasSize(stops).allSatisfy(stop -> {
            Order order = byId.get(stop.orderId());
            assertThat(order.windows().contains(stop.serviceStartSeconds())).as(order.id() + " served in a window").isTrue();
            assertThat(stop.serviceStartSeconds()).isGreaterThanOrEqualTo(stop.arrivalSeconds());
            assertThat(stop.departureSeconds()).isEqualTo(stop.serviceStartSeconds() + order.serviceSeconds());
        });
    }
}
