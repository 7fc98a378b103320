package dev.routeplan.reports.excel;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The handful of styles a workbook of this module uses, created once per workbook: Excel caps a file at
 * about 64,000 styles, so creating one per cell breaks large plans.
 */
public record CellStyles(
        CellStyle header,
        CellStyle text,
        CellStyle dateTime,
        CellStyle date,
        CellStyle integer,
        CellStyle decimal,
        CellStyle percent,
        CellStyle link) {

    public static CellStyles of(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        Font underlined = wb.createFont();
        underlined.setUnderline(Font.U_SINGLE);
        underlined.setColor(IndexedColors.BLUE.getIndex());
        CellStyle link = wb.createCellStyle();
        link.setFont(underlined);

        return new CellStyles(header, wb.createCellStyle(),
                formatted(wb, "dd-mm-yyyy hh:mm"), formatted(wb, "dd-mm-yyyy"),
                formatted(wb, "0"), formatted(wb, "0.0"), formatted(wb, "0.0%"), link);
    }

    private static CellStyle formatted(Workbook wb, String format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        return style;
    }
}
