package dev.routeplan.reports;

import java.util.List;

/** An input row that ingest refused, as planners see it: where it was, which order, and why. */
public record RejectedRow(String fileName, int rowNumber, String orderId, List<String> reasonCodes, String message) {

    public RejectedRow {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
