package dev.routeplan.batch.ingest.format;

import java.util.List;
import java.util.Map;

/**
 * How orders files are read.
 *
 * @param maxFileBytes  files above this size are refused whole, unread
 * @param headerAliases other header names senders use for a column, e.g. {@code lat: [latitude]}
 * @param xlsxSheet     the sheet to read in a workbook; blank means the first sheet
 */
public record OrderFileSettings(long maxFileBytes, Map<String, List<String>> headerAliases, String xlsxSheet) {

    public static final OrderFileSettings DEFAULTS = new OrderFileSettings(2L * 1024 * 1024 * 1024,
            Map.of("lat", List.of("latitude"), "lon", List.of("lng", "longitude"), "order_id", List.of("order_no", "order")),
            "");
}
