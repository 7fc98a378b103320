package dev.routeplan.reports.excel;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One column of a sheet written as a table ({@link SheetTable#table}): its header and width, and how
 * one item fills its cell. A sheet that lists these keeps its headers and its cells in the same
 * order by construction.
 */
public record TableColumn<T>(Column column, BiConsumer<SheetTable.Cells, T> cell) {

    public static <T> TableColumn<T> text(String title, int widthChars, Function<? super T, String> value) {
        return new TableColumn<>(new Column(title, widthChars), (cells, item) -> cells.text(value.apply(item)));
    }

    public static <T> TableColumn<T> integer(String title, int widthChars, ToLongFunction<? super T> value) {
        return new TableColumn<>(new Column(title, widthChars), (cells, item) -> cells.integer(value.applyAsLong(item)));
    }

    /** A figure that may be unknown: an empty cell then, rather than a misleading zero. */
    public static <T> TableColumn<T> numberOrBlank(String title, int widthChars, Function<? super T, Double> value) {
        return new TableColumn<>(new Column(title, widthChars), (cells, item) -> {
            Double number = value.apply(item);
            if (number == null) {
                cells.blank();
            } else {
                cells.number(number);
            }
        });
    }
}
