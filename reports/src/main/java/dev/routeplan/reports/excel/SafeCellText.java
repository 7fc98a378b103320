package dev.routeplan.reports.excel;

/**
 * The one gate every text cell of a plan workbook goes through.
 *
 * <p>Customer names, addresses and details come from customers' own order files. A value such
 * as {@code =HYPERLINK("http://evil","Click")} is harmless while it sits in a string cell, but
 * Excel turns it into a live formula as soon as someone edits the cell, and LibreOffice or Excel
 * re-evaluate it when the sheet is saved as CSV and opened again (CSV/formula injection, OWASP).
 * A leading single quote is what spreadsheet users themselves type to say "this is text", so we
 * store it in the value: it survives copy, edit and CSV export, at the cost of showing the quote.
 */
public final class SafeCellText {

    private SafeCellText() {
    }

    /** The text to store; {@code null} becomes an empty string so a cell never reads "null". */
    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return startsLikeAFormula(value) ? "'" + value : value;
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
