package dev.routeplan.planning.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeCellTextTests {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"evil\")", "+91 98100 00000", "-2+3", "@SUM(A1)", "\t=1", "\r=1"})
    void quotesTextThatExcelWouldTakeForAFormula(String text) {
        assertThat(SafeCellText.of(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sharma General Store", "B-7, Kalkaji Extension", "110024", "a=b", " =1"})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(SafeCellText.of(text)).isEqualTo(text);
    }

    @Test
    void writesMissingTextAsEmpty() {
        assertThat(SafeCellText.of(null)).isEmpty();
        assertThat(SafeCellText.of("")).isEmpty();
    }

    @Test
    void cutsTextLongerThanAnExcelCellHolds() {
        String evidence = "{\"segments\":[" + "1,".repeat(20_000) + "2]}";

        String stored = SafeCellText.of(evidence);

        assertThat(stored).hasSize(SafeCellText.MAX_LENGTH).startsWith("{\"segments\":[1,").endsWith("…");
        assertThat(SafeCellText.of("=" + "x".repeat(SafeCellText.MAX_LENGTH))).hasSize(SafeCellText.MAX_LENGTH)
                .startsWith("'=");
    }
}
