package dev.routeplan.planning.sample;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled {@code samples/} are what the generator makes for seed 42, plus four bad order rows. */
class SamplesTests {

    /** Relative to the {@code planning} module, where Maven runs the tests. */
    private static final Path SAMPLES_DIR = Path.of("..", "samples");

    static final List<String> BAD_ORDER_ROWS = List.of(
            "ORD-0301,Malhotra General Store,+919811002233,\"Shop 3, Main Market, Malviya Nagar, New Delhi\",110017,28.533512,77.209340,42.5,0.170,09:00,13:00,10,9,D1,GENERAL",
            "ORD-0302,Rawat Kirana Store,+919711223344,\"45, Block C, Janakpuri, New Delhi\",110058,,77.087912,55.0,0.110,14:00,18:00,8,3,D3,GROCERY",
            "ORD-0303,Arora Fruit Mart,,\"Shop 18, Main Market, Pitampura, Delhi\",110034,28.698310,77.138420,60.0,0.150,14:00,25:00,10,3,D3,FRUITS",
            "ORD-0304,Khanna Electronics,+918800112233,\"Shop 9, Nehru Place, New Delhi\",110019,28.549410,77.251690,25.0,0.125,10:00,17:00,12,2,D9,ELECTRONICS");

    @Test
    void bundledSamplesAreSeed42PlusFourBadOrderRows() throws Exception {
        // given
        Scenario scenario = ScenarioGenerator.generate(ScenarioSpec.SAMPLES);
        // when
        String orders = read(ScenarioWriter.ORDERS_FILE);
        // then
        assertThat(read(ScenarioWriter.DEPOTS_FILE)).isEqualTo(ScenarioWriter.depotsCsv(scenario.depots()));
        assertThat(read(ScenarioWriter.FLEET_FILE)).isEqualTo(ScenarioWriter.fleetCsv(scenario.fleet()));
        assertThat(orders).isEqualTo(ScenarioWriter.ordersCsv(scenario.orders()) + String.join("\n", BAD_ORDER_ROWS) + "\n");
    }

    private static String read(String file) throws Exception {
        return Files.readString(SAMPLES_DIR.resolve(file), StandardCharsets.UTF_8);
    }
}
