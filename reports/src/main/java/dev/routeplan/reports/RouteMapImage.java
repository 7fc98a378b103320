package dev.routeplan.reports;

/**
 * A picture of one depot's routes as PNG bytes, drawn once and then embedded in the workbook and
 * the PDF and stored beside them.
 */
public record RouteMapImage(byte[] png, int widthPx, int heightPx) {

    public RouteMapImage {
        if (png == null || png.length == 0 || widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("a route map needs PNG bytes and a size, was " + widthPx + "x" + heightPx);
        }
    }
}
