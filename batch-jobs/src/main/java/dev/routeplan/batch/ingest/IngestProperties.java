package dev.routeplan.batch.ingest;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How orders are taken in. The defaults describe Delhi NCR; they are approximate (a hand-drawn
 * polygon around the NCR core districts, and the postal circles' published ranges) and are data
 * for operations to refine, not code.
 *
 * @param serviceAreaWkt polygon (lon lat) orders and depots must lie in
 * @param pincodes       inclusive pincode ranges served: Delhi 110xxx and the NCR districts
 * @param maxFileBytes   an input file (orders, fleet, depots, permits, GRAP) above this size is refused whole, unread
 * @param headerAliases  other header names senders use for a column
 * @param xlsxSheet      the sheet read from a workbook; blank = the first
 */
@ConfigurationProperties("routeplan.ingest")
public record IngestProperties(
        @DefaultValue(DELHI_NCR) String serviceAreaWkt,
        @DefaultValue({"110001-110099", "121001-121110", "122001-122108", "124501-124513", "131001-131103",
            "201001-201318"}) List<String> pincodes,
        @DefaultValue("2147483648") long maxFileBytes,
        Map<String, List<String>> headerAliases,
        @DefaultValue("") String xlsxSheet) {

    /** The default service area: the NCR core districts, by hand. */
    public static final String DELHI_NCR = "POLYGON ((76.80 28.38, 77.05 28.30, 77.35 28.32, 77.60 28.48, 77.62 28.72, "
            + "77.45 28.95, 77.10 29.05, 76.82 28.90, 76.75 28.62, 76.80 28.38))";

    public IngestProperties {
        headerAliases = headerAliases == null
                ? Map.of("lat", List.of("latitude"), "lon", List.of("lng", "longitude"), "order_id", List.of("order_no"),
                        "window2_start", List.of("second_window_start"), "window2_end", List.of("second_window_end"))
                : Map.copyOf(headerAliases);
    }
}
