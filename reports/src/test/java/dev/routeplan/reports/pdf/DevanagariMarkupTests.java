package dev.routeplan.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevanagariMarkupTests {

    private static final String DEVANAGARI = "<style fontName=\"Noto Sans Devanagari\">";

    @Test
    void leavesLatinTextAsItIsApartFromEscaping() {
        assertThat(DevanagariMarkup.styled("Gupta & Sons <Okhla>")).isEqualTo("Gupta &amp; Sons &lt;Okhla&gt;");
    }

    @Test
    void putsAHindiPhraseInOneDevanagariRunSpacesIncluded() {
        assertThat(DevanagariMarkup.styled("शर्मा ट्रेडर्स")).isEqualTo(DEVANAGARI + "शर्मा ट्रेडर्स</style>");
    }

    @Test
    void switchesFontsWhereAMixedAddressChangesScript() {
        assertThat(DevanagariMarkup.styled("दुकान 7, Lajpat Nagar"))
                .isEqualTo(DEVANAGARI + "दुकान</style> 7, Lajpat Nagar");
        assertThat(DevanagariMarkup.styled("Shop 7, लाजपत नगर"))
                .isEqualTo("Shop 7, " + DEVANAGARI + "लाजपत नगर</style>");
    }

    @Test
    void passesAMissingValueThrough() {
        assertThat(DevanagariMarkup.styled(null)).isNull();
    }
}
