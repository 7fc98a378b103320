package dev.routeplan.batch.store;

import java.util.List;

/**
 * A row that was not taken in, with everything the sender needs to fix it.
 *
 * @param phone the row's phone number when it is one ({@code +91} and ten digits), so that an erasure
 *              request finds the row by its lookup hash; stored only sealed in {@code rawContent}, so
 *              null when read back
 */
public record OrderReject(long fileId, String fileName, int rowNumber, String orderId, List<String> reasonCodes,
                          String message, String rawContent, String phone) {
}
