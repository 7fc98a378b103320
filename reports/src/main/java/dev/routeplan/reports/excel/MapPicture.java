package dev.routeplan.reports.excel;

import dev.routeplan.reports.RouteMapImage;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Units;

/**
 * Places a route map on a sheet at a given row, scaled to fit a laptop screen without scrolling
 * sideways and never blown up beyond its own pixels.
 *
 * <p>The anchor is worked out here from the sheet's column widths and the default row height,
 * rather than with {@code Picture.resize()}, which reads the size back out of the PNG (and its
 * DPI) instead of the size the map was drawn at.
 */
final class MapPicture {

    static final int MAX_WIDTH_PX = 960;
    static final int MAX_HEIGHT_PX = 720;

    private MapPicture() {
    }

    /** Anchors the map with its top-left corner at column A of {@code firstRow}; returns the rows it covers. */
    static int place(Sheet sheet, int firstRow, RouteMapImage map) {
        double scale = Math.min(1.0, Math.min(MAX_WIDTH_PX / (double) map.widthPx(), MAX_HEIGHT_PX / (double) map.heightPx()));
        int widthPx = Math.max(1, (int) Math.round(map.widthPx() * scale));
        int heightPx = Math.max(1, (int) Math.round(map.heightPx() * scale));

        int lastColumn = 0;
        int leftPx = widthPx;
        while (leftPx > sheet.getColumnWidthInPixels(lastColumn)) {
            leftPx -= Math.round(sheet.getColumnWidthInPixels(lastColumn));
            lastColumn++;
        }
        // the rows below a table do not exist yet, so they all have the sheet's default height
        int rowPx = Units.pointsToPixel(sheet.getDefaultRowHeightInPoints());
        int rows = heightPx / rowPx;
        int topPx = heightPx % rowPx;

        Workbook wb = sheet.getWorkbook();
        int pictureIndex = wb.addPicture(map.png(), Workbook.PICTURE_TYPE_PNG);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = drawing.createAnchor(0, 0, leftPx * Units.EMU_PER_PIXEL, topPx * Units.EMU_PER_PIXEL,
                0, firstRow, lastColumn, firstRow + rows);
        // planners sort and resize columns above the map; the map should stay the size it was drawn
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        drawing.createPicture(anchor, pictureIndex);
        return rows + 1;
    }
}
