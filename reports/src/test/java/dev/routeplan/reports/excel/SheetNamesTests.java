package dev.routeplan.reports.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SheetNamesTests {

    private final SheetNames names = new SheetNames();

    @Test
    void keepsAnOrdinaryVehicleId() {
        assertThat(names.claim("DL1LAB1234")).isEqualTo("DL1LAB1234");
    }

    @Test
    void replacesCharactersExcelForbids() {
        assertThat(names.claim("DL[1]:A*B?C/D\\E")).isEqualTo("DL_1__A_B_C_D_E");
    }

    @Test
    void cutsNamesToThirtyOneCharacters() {
        assertThat(names.claim("HR55AB9876-REFRIGERATED-NIGHT-SHIFT-2")).hasSize(31);
    }

    @Test
    void dropsQuotesAtEitherEnd() {
        assertThat(names.claim("'DL1LAB1234'")).isEqualTo("DL1LAB1234");
    }

    @Test
    void numbersNamesThatDifferOnlyByCase() {
        assertThat(names.claim("DL1LAB1234")).isEqualTo("DL1LAB1234");
        assertThat(names.claim("dl1lab1234")).isEqualTo("dl1lab1234 (2)");
        assertThat(names.claim("DL1LAB1234")).isEqualTo("DL1LAB1234 (3)");
    }

    @Test
    void keepsNumberedNamesWithinThirtyOneCharacters() {
        String longId = "X".repeat(40);
        assertThat(names.claim(longId)).hasSize(31);
        assertThat(names.claim(longId)).isEqualTo("X".repeat(27) + " (2)");
    }

    @Test
    void namesABlankIdRoute() {
        assertThat(names.claim(" ")).isEqualTo("Route");
    }

    @Test
    void neverGivesARouteTheSummarySheetsName() {
        names.claim("Summary");
        assertThat(names.claim("SUMMARY")).isEqualTo("SUMMARY (2)");
    }
}
