package dev.routeplan.batch.ingest;

import dev.routeplan.batch.ingest.format.OrderFiles;
import dev.routeplan.batch.privacy.Masked;
import dev.routeplan.batch.store.OrderReject;
import dev.routeplan.batch.store.OrderStore.SourcedOrder;
import dev.routeplan.planning.domain.ClockTime;
import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.IndianMobile;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks one order row against every rule and turns it into an order or a reject listing all
 * its problems at once, so the sender fixes a row in one go. Never throws for bad data.
 */
public class OrderRowValidator implements ItemProcessor<OrderRow, IngestOutcome> {

    /** The largest eligible vehicle of a depot: an order above it can never be delivered. */
    public record DepotCapacity(double maxKg, double maxM3) {
    }

    private static final Pattern PINCODE = Pattern.compile("\\d{6}");
    private static final Pattern GOODS_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MAX_SERVICE_MINUTES = 240;
    /**
     * The longest values an order keeps, as its table stores them (sealed, the name and address take
     * about 1.4 times their plaintext there). A longer value is no order: cutting it would deliver to
     * half an address.
     */
    static final int MAX_ORDER_ID = 64;
    static final int MAX_CUSTOMER_NAME = 200;
    static final int MAX_ADDRESS = 500;
    /** The most of a value a message quotes: the sender has the row, the message only has to point at it. */
    private static final int QUOTED_CHARS = 40;

    private final LocalDate planDate;
    private final ServiceArea serviceArea;
    private final PincodeRanges pincodes;
    private final Map<String, DepotCapacity> depots;
    private final Map<String, Long> fileOfOrder;

    /**
     * @param fileOfOrder which file each order id of the date was taken in from, as stored when the
     *                    step started; the validator keeps it up to date as it accepts rows
     */
    public OrderRowValidator(LocalDate planDate, ServiceArea serviceArea, PincodeRanges pincodes,
                             Map<String, DepotCapacity> depots, Map<String, Long> fileOfOrder) {
        this.planDate = planDate;
        this.serviceArea = serviceArea;
        this.pincodes = pincodes;
        this.depots = Map.copyOf(depots);
        this.fileOfOrder = new HashMap<>(fileOfOrder);
    }

    @Override
    public IngestOutcome process(OrderRow row) {
        if (row.tooLongField() != null) {
            Problems tooLong = new Problems();
            tooLong.add(RejectCode.ROW_TOO_LONG, row.tooLongField(), "runs on past " + OrderFiles.MAX_ROW_CHARS
                    + " characters, more than a row may have (a quote not closed?); the row was not read");
            return reject(row, null, tooLong);
        }
        Problems problems = new Problems();
        String orderId = text(row, "order_id", MAX_ORDER_ID, problems);
        String customer = text(row, "customer_name", MAX_CUSTOMER_NAME, problems);
        String address = text(row, "address", MAX_ADDRESS, problems);
        String phone = phone(row, problems);
        String pincode = row.value("pincode");
        if (!pincode.isEmpty() && !PINCODE.matcher(pincode).matches()) {
            problems.add(RejectCode.INVALID_PINCODE, "pincode", quoted(pincode) + " is not 6 digits");
        } else if (!pincode.isEmpty() && !pincodes.contains(pincode)) {
            problems.add(RejectCode.PINCODE_NOT_SERVED, "pincode", pincode + " is outside the Delhi NCR pincodes served");
        }
        Double lat = number(row, "lat", problems);
        Double lon = number(row, "lon", problems);
        GeoPoint location = null;
        if (lat != null && lon != null) {
            if (serviceArea.contains(new GeoPoint(clamp(lat, 90), clamp(lon, 180)))) {
                location = new GeoPoint(lat, lon);
            } else {
                problems.add(RejectCode.OUT_OF_SERVICE_AREA, "lat,lon", lat + "," + lon + " is outside the service area");
            }
        }
        Double weight = number(row, "weight_kg", problems);
        Double volume = number(row, "volume_m3", problems);
        if (weight != null && weight <= 0) {
            problems.add(RejectCode.NON_POSITIVE_WEIGHT, "weight_kg", weight + " is not positive");
        }
        if (volume != null && volume < 0) {
            problems.add(RejectCode.NEGATIVE_VOLUME, "volume_m3", volume + " is negative");
        }
        TimeWindow window = window(row, "window_start", "window_end", problems);
        TimeWindow second = secondWindow(row, window, problems);
        Integer service = integer(row, "service_minutes", problems);
        if (service != null && (service < 0 || service > MAX_SERVICE_MINUTES)) {
            problems.add(RejectCode.SERVICE_MINUTES_OUT_OF_RANGE, "service_minutes", service + " is not between 0 and " + MAX_SERVICE_MINUTES);
        }
        Integer priority = integer(row, "priority", problems);
        if (priority != null && (priority < 1 || priority > 5)) {
            problems.add(RejectCode.PRIORITY_OUT_OF_RANGE, "priority", priority + " is not between 1 and 5");
        }
        String depotId = required(row, "depot_id", problems);
        DepotCapacity depot = depotId == null ? null : depots.get(depotId);
        if (depotId != null && depot == null) {
            problems.add(RejectCode.UNKNOWN_DEPOT, "depot_id", quoted(depotId) + " is not a depot of " + planDate);
        }
        if (depot != null && weight != null && volume != null && (weight > depot.maxKg() || volume > depot.maxM3())) {
            problems.add(RejectCode.EXCEEDS_LARGEST_VEHICLE, "weight_kg,volume_m3", weight + " kg / " + volume
                    + " m3 exceeds the largest vehicle of depot " + depotId + " (" + depot.maxKg() + " kg / " + depot.maxM3() + " m3)");
        }
        String goodsType = required(row, "goods_type", problems);
        if (goodsType != null) {
            goodsType = goodsType.toUpperCase(Locale.ROOT);
            if (!GOODS_TYPE.matcher(goodsType).matches()) {
                problems.add(RejectCode.INVALID_GOODS_TYPE, "goods_type", quoted(goodsType) + " is not a category code like GENERAL or MILK");
            }
        }
        Long previousFile = orderId == null ? null : fileOfOrder.get(orderId);
        if (previousFile != null && previousFile == row.fileId()) {
            problems.add(RejectCode.DUPLICATE_ORDER_ID, "order_id", "\"" + orderId + "\" appears earlier in this file");
        } else if (previousFile != null && previousFile > row.fileId()) {
            // files may be ingested out of arrival order (a restart, a late re-send): the later file still wins
            problems.add(RejectCode.SUPERSEDED_BY_LATER_FILE, "order_id", "\"" + orderId
                    + "\" is also in a later file of " + planDate + " (file " + previousFile + "), which wins");
        }
        if (!problems.isEmpty()) {
            return reject(row, orderId, problems);
        }
        Order order = new Order(orderId, customer, phone, address, pincode, location, weight, volume,
                DeliveryWindows.of(window, second), service, priority, depotId, goodsType);
        fileOfOrder.put(orderId, row.fileId());
        return IngestOutcome.accept(new SourcedOrder(order, row.fileId(), row.rowNumber(), previousFile));
    }

    private static IngestOutcome reject(OrderRow row, String orderId, Problems problems) {
        return IngestOutcome.reject(new OrderReject(row.fileId(), row.fileName(), row.rowNumber(), orderId,
                problems.codes(), row.fileName() + " row " + row.rowNumber() + ": " + problems.message(), row.raw(),
                IndianMobile.normalise(row.value("phone")).orElse(null)));
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }

    /** A required value no longer than {@code maxLength}; null (and a problem) otherwise. */
    private static String text(OrderRow row, String field, int maxLength, Problems problems) {
        String value = required(row, field, problems);
        if (value != null && value.length() > maxLength) {
            problems.add(RejectCode.VALUE_TOO_LONG, field, "is " + value.length() + " characters long, more than " + maxLength);
            return null;
        }
        return value;
    }

    /** A value in quotes for a message, at most {@value #QUOTED_CHARS} characters of it. */
    private static String quoted(String value) {
        if (value.length() <= QUOTED_CHARS) {
            return "\"" + value + "\"";
        }
        return "\"" + value.substring(0, QUOTED_CHARS) + "…\" (" + value.length() + " characters)";
    }

    private static String required(OrderRow row, String field, Problems problems) {
        String value = row.value(field);
        if (value.isEmpty()) {
            problems.add(RejectCode.MISSING_FIELD, field, "is empty");
            return null;
        }
        return value;
    }

    private static Double number(OrderRow row, String field, Problems problems) {
        String value = required(row, field, problems);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(RejectCode.NOT_A_NUMBER, field, quoted(value) + " is not a number");
        return null;
    }

    private static Integer integer(OrderRow row, String field, Problems problems) {
        String value = required(row, field, problems);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(RejectCode.NOT_A_NUMBER, field, quoted(value) + " is not a whole number");
            return null;
        }
    }

    private static TimeWindow window(OrderRow row, String startField, String endField, Problems problems) {
        LocalTime start = time(row, startField, problems);
        LocalTime end = time(row, endField, problems);
        if (start == null || end == null) {
            return null;
        }
        if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
            problems.add(RejectCode.EMPTY_WINDOW, startField + "," + endField, start + "-" + end + " is an empty window");
            return null;
        }
        return new TimeWindow(start, end);
    }

    /**
     * The optional second window: both its times or neither. It must open at or after the first
     * closes, both counted on the plan date's timeline (a first window crossing midnight leaves no
     * room for a second).
     */
    private static TimeWindow secondWindow(OrderRow row, TimeWindow first, Problems problems) {
        boolean hasStart = !row.value("window2_start").isEmpty();
        boolean hasEnd = !row.value("window2_end").isEmpty();
        if (!hasStart && !hasEnd) {
            return null;
        }
        if (hasStart != hasEnd) {
            String missing = hasStart ? "window2_end" : "window2_start";
            problems.add(RejectCode.INCOMPLETE_SECOND_WINDOW, missing, "is empty; a second window needs window2_start and window2_end");
            return null;
        }
        TimeWindow second = window(row, "window2_start", "window2_end", problems);
        if (second == null || first == null) {
            return null;
        }
        if (second.startSeconds() < first.endSeconds()) {
            String how = second.startSeconds() < first.startSeconds() ? "opens before" : "overlaps";
            problems.add(RejectCode.SECOND_WINDOW_NOT_AFTER_FIRST, "window2_start",
                    second + " " + how + " the first window " + first + "; the second window must open after the first closes");
            return null;
        }
        return second;
    }

    private static LocalTime time(OrderRow row, String field, Problems problems) {
        String value = required(row, field, problems);
        if (value == null) {
            return null;
        }
        try {
            return ClockTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(RejectCode.INVALID_TIME, field, quoted(value) + " is not a time " + ClockTime.EXPECTED);
            return null;
        }
    }

    private static String phone(OrderRow row, Problems problems) {
        String written = row.value("phone");
        if (written.isBlank()) {
            return "";
        }
        return IndianMobile.normalise(written).orElseGet(() -> {
            // masked: the message goes to logs and mails; the sender has the row itself
            problems.add(RejectCode.INVALID_PHONE, "phone", quoted(Masked.phone(written)) + " is not an Indian mobile number");
            return null;
        });
    }

    /** The problems found in one row, in the order of the columns. */
    private static final class Problems {
        private final Set<String> codes = new LinkedHashSet<>();
        private final List<String> messages = new ArrayList<>();

        void add(RejectCode code, String field, String message) {
            codes.add(code.name());
            messages.add(field + " " + message);
        }

        boolean isEmpty() {
            return codes.isEmpty();
        }

        List<String> codes() {
            return List.copyOf(codes);
        }

        String message() {
            return String.join("; ", messages);
        }
    }
}
