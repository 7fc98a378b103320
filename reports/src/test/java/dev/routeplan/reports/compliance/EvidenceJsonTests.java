package dev.routeplan.reports.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceJsonTests {

    @Test
    void putsOneValuePerLineIndentedByDepth() {
        String pretty = EvidenceJson.pretty("{\"a\":1,\"b\":{\"c\":[1, 2]},\"d\":[],\"e\":{}}");

        assertThat(pretty).isEqualTo("""
                {
                  "a": 1,
                  "b": {
                    "c": [
                      1,
                      2
                    ]
                  },
                  "d": [],
                  "e": {}
                }""");
    }

    @Test
    void leavesPunctuationInsideStringsAlone() {
        assertThat(EvidenceJson.pretty("{\"at\":\"21:40, {Ring \\\"Road\\\"}\"}"))
                .isEqualTo("{\n  \"at\": \"21:40, {Ring \\\"Road\\\"}\"\n}");
    }

    @Test
    void leavesTextThatIsNotAJsonObjectOrArrayAsItIs() {
        assertThat(EvidenceJson.pretty("registry timeout, see log")).isEqualTo("registry timeout, see log");
        assertThat(EvidenceJson.pretty(null)).isEmpty();
        assertThat(EvidenceJson.pretty("  ")).isEmpty();
    }
}
