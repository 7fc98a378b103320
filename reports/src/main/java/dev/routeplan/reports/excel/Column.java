package dev.routeplan.reports.excel;

/** A table column: its header text and a width in characters, since SXSSF cannot auto-size cheaply. */
public record Column(String title, int widthChars) {
}
