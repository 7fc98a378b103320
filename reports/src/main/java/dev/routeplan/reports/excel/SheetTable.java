package dev.routeplan.reports.excel;

import dev.routeplan.planning.csv.SafeCellText;
import dev.routeplan.reports.RouteMapImage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet top to bottom; shared by every workbook of this module. Rows are only appended because SXSSF flushes older rows to
 * disk and cannot go back to them; the only thing done at the end is the autofilter range.
 */
public final class SheetTable {

    private final Sheet sheet;
    private final CellStyles styles;
    private int nextRow;
    private int headerRow = -1;
    private int columnCount;

    public SheetTable(Sheet sheet, CellStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** Starts the table: a bold header row that stays in view while scrolling. */
    public void header(List<Column> columns) {
        headerRow = nextRow;
        columnCount = columns.size();
        Cells cells = row();
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).widthChars()) * 256);
            cells.styledText(columns.get(i).title(), styles.header());
        }
        sheet.createFreezePane(0, headerRow + 1);
    }

    /**
     * A whole table from where the sheet stands: the header row with the columns' widths, one row
     * per item, then the autofilter.
     */
    public <T> void table(List<TableColumn<T>> columns, Iterable<? extends T> items) {
        header(columns.stream().map(TableColumn::column).toList());
        for (T item : items) {
            Cells cells = row();
            for (TableColumn<T> column : columns) {
                column.cell().accept(cells, item);
            }
        }
        finish();
    }

    /** The "label, value" rows that open a summary, one per fact, then a blank row before what follows. */
    public void facts(List<SheetFact> facts) {
        for (SheetFact fact : facts) {
            fact.value().accept(row().text(fact.label()));
        }
        skipRow();
    }

    public Cells row() {
        return new Cells(sheet.createRow(nextRow++));
    }

    public void skipRow() {
        nextRow++;
    }

    /** Places a picture below everything written so far; later rows go below the picture. */
    public void picture(RouteMapImage map) {
        nextRow += MapPicture.place(sheet, nextRow, map);
    }

    /** Puts the autofilter on the header; also when there are no data rows, so the sheet looks alike. */
    public void finish() {
        if (headerRow >= 0) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, nextRow - 1), 0, columnCount - 1));
        }
    }

    /** Appends cells left to right to one row; every text goes through {@link SafeCellText}. */
    public final class Cells {

        private final Row row;
        private int nextColumn;

        private Cells(Row row) {
            this.row = row;
        }

        /** Leaves a cell empty: a figure that does not apply, rather than a misleading zero. */
        public Cells blank() {
            nextColumn++;
            return this;
        }

        public Cells text(String value) {
            return styledText(value, styles.text());
        }

        public Cells number(double value) {
            return numeric(value, styles.decimal());
        }

        public Cells integer(long value) {
            return numeric(value, styles.integer());
        }

        public Cells percent(double fraction) {
            return numeric(fraction, styles.percent());
        }

        public Cells dateTime(LocalDateTime value) {
            Cell cell = next(styles.dateTime());
            cell.setCellValue(value);
            return this;
        }

        public Cells date(LocalDate value) {
            Cell cell = next(styles.date());
            cell.setCellValue(value);
            return this;
        }

        public Cells link(String label, String url) {
            Cell cell = next(styles.link());
            cell.setCellValue(SafeCellText.of(label));
            Hyperlink hyperlink = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.URL);
            hyperlink.setAddress(url);
            cell.setHyperlink(hyperlink);
            return this;
        }

        private Cells styledText(String value, CellStyle style) {
            next(style).setCellValue(SafeCellText.of(value));
            return this;
        }

        /** A NaN (a figure not on record) leaves the cell empty, as {@link #blank()}: Excel would show #NUM!. */
        private Cells numeric(double value, CellStyle style) {
            if (Double.isNaN(value)) {
                return blank();
            }
            next(style).setCellValue(value);
            return this;
        }

        private Cell next(CellStyle style) {
            Cell cell = row.createCell(nextColumn++);
            cell.setCellStyle(style);
            return cell;
        }
    }
}
