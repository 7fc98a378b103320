package dev.routeplan.planning.csv;

/**
 * The one gate every text cell of a published workbook or CSV file goes through.
 *
 * <p>Customer names, addresses and details come from customers' own order files. A value such
 * as {@code =HYPERLINK("http://evil","Click")} is harmless while it sits in a string cell, but
 * Excel turns it into a live formula as soon as someone edits the cell, and LibreOffice or Excel
 * re-evaluate it when the sheet is saved as CSV and opened again (CSV/formula injection, OWASP).
 * A leading single quote is what spreadsheet users themselves type to say "this is text", so we
 * store it in the value: it survives copy, edit and CSV export, at the cost of showing the quote.
 */
public final class SafeCellText {

    /** The most characters an Excel cell holds; POI refuses longer text. */
    public static final int MAX_LENGTH = 32_767;

    private static final String CUT_MARK = "…";

    private SafeCellText() {
    }

    /**
     * The text to store; {@code null} becomes an empty string so a cell never reads "null", and
     * text longer than a cell holds is cut to {@link #MAX_LENGTH} ending in "…" instead of failing
     * the whole workbook (evidence JSON can be that long).
     */
    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        return safe.length() <= MAX_LENGTH ? safe : cut(safe);
    }

    private static String cut(String value) {
        int end = MAX_LENGTH - CUT_MARK.length();
        // never cut a surrogate pair in half
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + CUT_MARK;
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
