package dev.routeplan.batch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"orders.csv", "orders-2026-12-01.csv.gz", "orders_north.xlsx", "fleet.csv", "depots.csv", "a", "A9._-"})
    void acceptsPlainNames(String name) {
        assertThat(SafeFileNames.require(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../orders.csv", "inbox/orders.csv", "..\\orders.csv", "/etc/passwd",
            "C:\\orders.csv", "C:orders.csv", "-orders.csv", ".orders.csv", "..orders.csv", ".hidden",
            "orders 1.csv", "orders;rm.csv", "orders*.csv", "ordérs.csv", "orders.csv\u2028"})
    void refusesNamesThatCouldEscapeHideOrMislead(String name) {
        assertThatThrownBy(() -> SafeFileNames.require(name))
                .isInstanceOf(UnsafeFileNameException.class)
                .hasMessageStartingWith("unsafe file name \"");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> SafeFileNames.require(null)).isInstanceOf(UnsafeFileNameException.class);
    }

    @Test
    void refusesControlCharactersAndNamesThemEscaped() {
        assertThatThrownBy(() -> SafeFileNames.require("orders\u0000.csv"))
                .isInstanceOf(UnsafeFileNameException.class)
                .hasMessage("unsafe file name \"orders\\u0000.csv\": contains a NUL or control character");
        assertThatThrownBy(() -> SafeFileNames.require("orders\n.csv"))
                .hasMessageContaining("\"orders\\u000a.csv\"")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SafeFileNames.require("orders\u009b.csv")).hasMessageContaining("control character");
    }

    @Test
    void namesTheValueAndTheReason() {
        assertThatThrownBy(() -> SafeFileNames.require("../orders.csv"))
                .hasMessage("unsafe file name \"../orders.csv\": contains a path separator");
        assertThatThrownBy(() -> SafeFileNames.require(".."))
                .hasMessage("unsafe file name \"..\": names a folder, not a file");
        assertThatThrownBy(() -> SafeFileNames.require("-rf"))
                .hasMessage("unsafe file name \"-rf\": starts with '-'");
    }

    @Test
    void allowsAtMost255Characters() {
        String longest = "a".repeat(251) + ".csv";
        assertThat(SafeFileNames.require(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> SafeFileNames.require("a" + longest))
                .hasMessageEndingWith("longer than 255 characters");
    }
}
