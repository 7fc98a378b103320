package dev.routeplan.planning.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTests {

    @Test
    void quotesOnlyFieldsThatHoldACommaOrQuote() {
        String text = CsvTable.text(List.of("order_id", "address", "phone", "note"),
                List.of(List.of("ORD-1", "Shop 7, \"Laxmi Complex\", Saket", "", "plain")));

        assertThat(text).isEqualTo("order_id,address,phone,note\nORD-1,\"Shop 7, \"\"Laxmi Complex\"\", Saket\",,plain\n");
    }

    @Test
    void outputGuardsTextThatStartsLikeAFormulaButNotNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CsvTable.writeOutput(out, List.of("order_id", "detail", "break_minutes"),
                List.of(List.of("=HYPERLINK(\"http://evil\")", "-5 kg over", -5)));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("order_id,detail,break_minutes\n\"'=HYPERLINK(\"\"http://evil\"\")\",'-5 kg over,-5\n");
    }
}
