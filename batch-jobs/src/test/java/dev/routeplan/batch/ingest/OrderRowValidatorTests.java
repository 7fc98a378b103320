package dev.routeplan.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.routeplan.batch.store.OrderStore;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderRowValidatorTests {

    static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    // The store is only asked whether an order id was taken in by an earlier chunk.
    private final OrderStore orders = mock(OrderStore.class);
    private final OrderRowValidator validator = new OrderRowValidator(PLAN_DATE, ServiceArea.DELHI_NCR,
            Map.of("D1", new OrderRowValidator.DepotCapacity(2000, 10)), orders);

    @Test
    void acceptsAValidRowAndNormalisesThePhone() {
        IngestOutcome outcome = validator.process(row(Map.of("phone", "98100 12345")));

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(outcome.accepted().order().phone()).isEqualTo("+919810012345");
        assertThat(outcome.accepted().rowNumber()).isEqualTo(7);
    }

    @Test
    void acceptsAWindowThatCrossesMidnight() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "23:00", "window_end", "05:00")));

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(outcome.accepted().order().window().crossesMidnight()).isTrue();
        assertThat(outcome.accepted().order().window().start()).isEqualTo(LocalTime.of(23, 0));
    }

    @Test
    void rejectsRowWithPriorityOutOfRangeNamingFileRowAndField() {
        IngestOutcome outcome = validator.process(row(Map.of("priority", "9")));

        assertThat(outcome.isAccepted()).isFalse();
        assertThat(outcome.rejected().reasonCodes()).containsExactly("PRIORITY_OUT_OF_RANGE");
        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: priority 9 is not between 1 and 5");
        assertThat(outcome.rejected().rawContent()).contains("ORD-1");
    }

    @Test
    void rejectsRowWithAnEmptyWindow() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "10:00", "window_end", "10:00")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("EMPTY_WINDOW");
    }

    @Test
    void listsEveryProblemOfARowAtOnce() {
        IngestOutcome outcome = validator.process(row(Map.of("lat", "north", "window_end", "25:00", "depot_id", "D9",
                "pincode", "1100")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("INVALID_PINCODE", "NOT_A_NUMBER", "INVALID_TIME",
                "UNKNOWN_DEPOT");
    }

    @Test
    void rejectsAnOrderOutsideTheServiceArea() {
        IngestOutcome outcome = validator.process(row(Map.of("lat", "19.07", "lon", "72.87")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("OUT_OF_SERVICE_AREA");
    }

    @Test
    void rejectsAnOrderHeavierThanTheDepotsLargestVehicle() {
        IngestOutcome outcome = validator.process(row(Map.of("weight_kg", "2500")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("EXCEEDS_LARGEST_VEHICLE");
    }

    @Test
    void rejectsTheSecondRowWithTheSameOrderId() {
        validator.process(row(Map.of()));

        IngestOutcome second = validator.process(row(Map.of()));

        assertThat(second.rejected().reasonCodes()).containsExactly("DUPLICATE_ORDER_ID");
    }

    @Test
    void rejectsAnOrderIdTakenInByAnEarlierChunk() {
        when(orders.exists(PLAN_DATE, "ORD-1")).thenReturn(true);

        assertThat(validator.process(row(Map.of())).rejected().reasonCodes()).containsExactly("DUPLICATE_ORDER_ID");
    }

    private static OrderRow row(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("order_id", "ORD-1");
        values.put("customer_name", "Sharma Kirana Store");
        values.put("phone", "");
        values.put("address", "Shop 4, Main Market, Lajpat Nagar II, New Delhi");
        values.put("pincode", "110024");
        values.put("lat", "28.5677");
        values.put("lon", "77.2433");
        values.put("weight_kg", "40");
        values.put("volume_m3", "0.2");
        values.put("window_start", "09:00");
        values.put("window_end", "13:00");
        values.put("service_minutes", "10");
        values.put("priority", "3");
        values.put("depot_id", "D1");
        values.put("goods_type", "grocery");
        values.putAll(overrides);
        return new OrderRow(1L, "orders.csv", 7, values, CsvFiles.raw(values.values()));
    }
}
