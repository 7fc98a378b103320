package dev.routeplan.batch.store;

import java.util.List;

/** A row that was not taken in, with everything the sender needs to fix it. */
public record OrderReject(long fileId, String fileName, int rowNumber, String orderId, List<String> reasonCodes,
                          String message, String rawContent) {
}
