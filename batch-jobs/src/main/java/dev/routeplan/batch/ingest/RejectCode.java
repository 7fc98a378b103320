package dev.routeplan.batch.ingest;

/** Why an order row was rejected; each code comes with a message naming the field and value. */
public enum RejectCode {
    MISSING_FIELD,
    NOT_A_NUMBER,
    OUT_OF_SERVICE_AREA,
    INVALID_TIME,
    EMPTY_WINDOW,
    /** Only one of {@code window2_start} and {@code window2_end} given. */
    INCOMPLETE_SECOND_WINDOW,
    /** The second window overlaps the first or opens before it. */
    SECOND_WINDOW_NOT_AFTER_FIRST,
    NON_POSITIVE_WEIGHT,
    NEGATIVE_VOLUME,
    EXCEEDS_LARGEST_VEHICLE,
    SERVICE_MINUTES_OUT_OF_RANGE,
    PRIORITY_OUT_OF_RANGE,
    INVALID_PINCODE,
    PINCODE_NOT_SERVED,
    INVALID_PHONE,
    INVALID_GOODS_TYPE,
    UNKNOWN_DEPOT,
    DUPLICATE_ORDER_ID,
    /** An order id, customer name or address longer than an order keeps. */
    VALUE_TOO_LONG,
    /** A CSV row longer than {@link dev.routeplan.batch.ingest.format.OrderFiles#MAX_ROW_CHARS}: set aside unread. */
    ROW_TOO_LONG,
    SUPERSEDED_BY_LATER_FILE
}
