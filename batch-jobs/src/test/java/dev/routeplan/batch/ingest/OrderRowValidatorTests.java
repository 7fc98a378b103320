package dev.routeplan.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderRowValidatorTests {

    static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    static final long EARLIER_FILE = 1;
    static final long THIS_FILE = 2;
    static final long LATER_FILE = 3;

    private final OrderRowValidator validator = validatorKnowing(Map.of());

    @Test
    void acceptsAValidRowAndNormalisesThePhone() {
        IngestOutcome outcome = validator.process(row(Map.of("phone", "98100 12345")));

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(outcome.accepted().order().phone()).isEqualTo("+919810012345");
        assertThat(outcome.accepted().rowNumber()).isEqualTo(7);
    }

    @Test
    void rejectsAPhoneThatIsNotAMobileNumberShowingOnlyItsLastDigits() {
        IngestOutcome outcome = validator.process(row(Map.of("phone", "55501 23456")));

        assertThat(outcome.isAccepted()).isFalse();
        assertThat(outcome.rejected().reasonCodes()).containsExactly("INVALID_PHONE");
        assertThat(outcome.rejected().message()).contains("phone", "XXXXXX3456").doesNotContain("55501");
    }

    @Test
    void keepsTheNumberOfARejectedRowForAnErasureRequestToFindIt() {
        IngestOutcome outcome = validator.process(row(Map.of("phone", "98100 12345", "weight_kg", "-1")));

        assertThat(outcome.rejected().phone()).isEqualTo("+919810012345");
    }

    @Test
    void setsAsideARowTooLongToReadNamingTheFieldItRanOnIn() {
        OrderRow tooLong = new OrderRow(THIS_FILE, "orders.csv", 7, Map.of(), "", "address");

        IngestOutcome outcome = validator.process(tooLong);

        assertThat(outcome.isAccepted()).isFalse();
        assertThat(outcome.rejected().reasonCodes()).containsExactly("ROW_TOO_LONG");
        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: address runs on past 1048576 characters,"
                + " more than a row may have (a quote not closed?); the row was not read");
        assertThat(outcome.rejected().rowNumber()).isEqualTo(7);
    }

    @Test
    void acceptsAWindowThatCrossesMidnight() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "23:00", "window_end", "05:00")));

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(outcome.accepted().order().windows().crossesMidnight()).isTrue();
        assertThat(outcome.accepted().order().windows().first().start()).isEqualTo(LocalTime.of(23, 0));
    }

    @Test
    void acceptsASecondWindowLaterInTheDay() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "09:00", "window_end", "11:00",
                "window2_start", "16:00", "window2_end", "18:00")));

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(outcome.accepted().order().windows()).hasToString("09:00-11:00, 16:00-18:00");
    }

    @Test
    void acceptsASecondWindowThatCrossesMidnight() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "09:00", "window_end", "11:00",
                "window2_start", "23:00", "window2_end", "02:00")));

        assertThat(outcome.accepted().order().windows().second().orElseThrow().crossesMidnight()).isTrue();
    }

    @Test
    void rejectsASecondWindowWithoutItsEndNamingTheField() {
        IngestOutcome outcome = validator.process(row(Map.of("window2_start", "16:00")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("INCOMPLETE_SECOND_WINDOW");
        assertThat(outcome.rejected().message()).isEqualTo(
                "orders.csv row 7: window2_end is empty; a second window needs window2_start and window2_end");
    }

    @Test
    void rejectsASecondWindowWithoutItsStartNamingTheField() {
        IngestOutcome outcome = validator.process(row(Map.of("window2_end", "18:00")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("INCOMPLETE_SECOND_WINDOW");
        assertThat(outcome.rejected().message()).startsWith("orders.csv row 7: window2_start is empty");
    }

    @Test
    void rejectsASecondWindowOverlappingTheFirst() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "09:00", "window_end", "13:00",
                "window2_start", "12:00", "window2_end", "15:00")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("SECOND_WINDOW_NOT_AFTER_FIRST");
        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: window2_start 12:00-15:00 overlaps the first "
                + "window 09:00-13:00; the second window must open after the first closes");
    }

    @Test
    void rejectsASecondWindowBeforeTheFirst() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "16:00", "window_end", "18:00",
                "window2_start", "09:00", "window2_end", "11:00")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("SECOND_WINDOW_NOT_AFTER_FIRST");
        assertThat(outcome.rejected().message()).contains("window2_start 09:00-11:00 opens before the first window 16:00-18:00");
    }

    @Test
    void rejectsASecondWindowAfterAFirstThatRunsPastMidnight() {
        IngestOutcome outcome = validator.process(row(Map.of("window_start", "22:00", "window_end", "02:00",
                "window2_start", "23:00", "window2_end", "23:30")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("SECOND_WINDOW_NOT_AFTER_FIRST");
    }

    @Test
    void rejectsASecondWindowThatIsNotATime() {
        IngestOutcome outcome = validator.process(row(Map.of("window2_start", "16:00", "window2_end", "26:00")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("INVALID_TIME");
        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: window2_end \"26:00\" is not a time H:mm or 24:00");
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

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsAnEmptyDepotAsMissingRatherThanFailing(String depot) {
        IngestOutcome outcome = validator.process(row(Map.of("depot_id", depot)));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("MISSING_FIELD");
        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: depot_id is empty");
    }

    @Test
    void rejectsValuesLongerThanAnOrderKeepsNamingTheirFields() {
        IngestOutcome outcome = validator.process(row(Map.of("order_id", "O".repeat(65), "customer_name", "n".repeat(201),
                "address", "a".repeat(501))));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("VALUE_TOO_LONG");
        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: order_id is 65 characters long, more than 64;"
                + " customer_name is 201 characters long, more than 200; address is 501 characters long, more than 500");
        assertThat(validator.process(row(Map.of("order_id", "O".repeat(64), "customer_name", "n".repeat(200),
                "address", "a".repeat(500)))).isAccepted()).isTrue();
    }

    @Test
    void quotesAtMost40CharactersOfAValueAndSaysHowLongItIs() {
        String weight = "9".repeat(5_000);

        IngestOutcome outcome = validator.process(row(Map.of("weight_kg", weight, "depot_id", "D".repeat(3_000))));

        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: weight_kg \"" + "9".repeat(40)
                + "…\" (5000 characters) is not a number; depot_id \"" + "D".repeat(40) + "…\" (3000 characters) is not a depot of "
                + PLAN_DATE);
    }

    @Test
    void rejectsAnOrderOutsideTheServiceArea() {
        IngestOutcome outcome = validator.process(row(Map.of("lat", "19.07", "lon", "72.87")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("OUT_OF_SERVICE_AREA");
    }

    @Test
    void rejectsANegativeWeightAndANegativeVolumeNamingBothFields() {
        IngestOutcome outcome = validator.process(row(Map.of("weight_kg", "-4.5", "volume_m3", "-0.2")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("NON_POSITIVE_WEIGHT", "NEGATIVE_VOLUME");
        assertThat(outcome.rejected().message())
                .isEqualTo("orders.csv row 7: weight_kg -4.5 is not positive; volume_m3 -0.2 is negative");
    }

    @Test
    void rejectsAZeroWeightButAcceptsAZeroVolume() {
        assertThat(validator.process(row(Map.of("weight_kg", "0"))).rejected().reasonCodes())
                .containsExactly("NON_POSITIVE_WEIGHT");
        assertThat(validator.process(row(Map.of("volume_m3", "0"))).isAccepted()).isTrue();
    }

    @ParameterizedTest(name = "weight_kg {0}")
    @ValueSource(strings = {"12 kg", "1,234.5", "1e400", "NaN", "Infinity", "twelve"})
    void rejectsAWeightThatIsNotAFiniteNumberQuotingItAsSent(String weight) {
        IngestOutcome outcome = validator.process(row(Map.of("weight_kg", weight)));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("NOT_A_NUMBER");
        assertThat(outcome.rejected().message()).isEqualTo("orders.csv row 7: weight_kg \"" + weight + "\" is not a number");
    }

    @Test
    void rejectsAPincodeOutsideTheRangesServed() {
        IngestOutcome outcome = validator.process(row(Map.of("pincode", "400001")));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("PINCODE_NOT_SERVED");
    }

    @Test
    void acceptsAGurugramOrderInsideTheNcrPolygon() {
        assertThat(validator.process(row(Map.of("lat", "28.4595", "lon", "77.0266", "pincode", "122001"))).isAccepted())
                .isTrue();
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
    void rejectsAnOrderIdThisFileGaveInAnEarlierChunk() {
        OrderRowValidator restarted = validatorKnowing(Map.of("ORD-1", THIS_FILE));

        assertThat(restarted.process(row(Map.of())).rejected().reasonCodes()).containsExactly("DUPLICATE_ORDER_ID");
    }

    @Test
    void letsALaterFileUpdateAnOrderOfAnEarlierOne() {
        IngestOutcome outcome = validatorKnowing(Map.of("ORD-1", EARLIER_FILE)).process(row(Map.of("weight_kg", "55")));

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(outcome.accepted().previousFileId()).isEqualTo(EARLIER_FILE);
        assertThat(outcome.accepted().order().weightKg()).isEqualTo(55);
    }

    @Test
    void keepsTheLaterFilesOrderWhenAnEarlierFileIsIngestedAfterIt() {
        IngestOutcome outcome = validatorKnowing(Map.of("ORD-1", LATER_FILE)).process(row(Map.of()));

        assertThat(outcome.rejected().reasonCodes()).containsExactly("SUPERSEDED_BY_LATER_FILE");
    }

    private static OrderRowValidator validatorKnowing(Map<String, Long> fileOfOrder) {
        IngestProperties defaults = new IngestProperties(
                "POLYGON ((76.80 28.38, 77.05 28.30, 77.35 28.32, 77.60 28.48, 77.62 28.72, 77.45 28.95, 77.10 29.05, "
                        + "76.82 28.90, 76.75 28.62, 76.80 28.38))",
                java.util.List.of("110001-110099", "122001-122108"), 1_000_000, null, "");
        return new OrderRowValidator(PLAN_DATE, ServiceArea.fromWkt(defaults.serviceAreaWkt()),
                PincodeRanges.parse(defaults.pincodes()), Map.of("D1", new OrderRowValidator.DepotCapacity(2000, 10)),
                fileOfOrder);
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
        return new OrderRow(THIS_FILE, "orders.csv", 7, values, CSVFormat.RFC4180.format(values.values().toArray()));
    }
}
