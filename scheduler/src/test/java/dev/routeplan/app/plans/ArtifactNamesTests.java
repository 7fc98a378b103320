package dev.routeplan.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"plan-D1.xlsx", "manifests-D1.pdf", "route-map-D1.png", "routes.csv", "plan-all-depots.xlsx",
            "orders_2.csv.rejects.csv", "summary.json"})
    void acceptsTheNamesThePublishStepWrites(String name) {
        assertThat(ArtifactNames.isPlain(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../plan-D2.xlsx", "..\\plan-D2.xlsx", "D2/plan-D2.xlsx", "/etc/passwd",
            "C:\\Windows\\win.ini", "C:plan.xlsx", "plan.xlsx\u0000.png", "plan\n.xlsx", "plan-D1.xlsx:$DATA", "~/x",
            "..plan.xlsx", " plan.xlsx", "%2e%2e%2fplan.xlsx"})
    void refusesAnythingButAPlainName(String name) {
        assertThat(ArtifactNames.isPlain(name)).as(name).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1000})
    void refusesOverlongNames(int length) {
        assertThat(ArtifactNames.isPlain("a".repeat(length))).isFalse();
    }
}
