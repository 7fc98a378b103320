package dev.routeplan.planning.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.planning.solver.SolverSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolverTuningTests {

    @Test
    void readsEachVariantAsOverridesOfTheDefaultSearch(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tuning.properties");
        Files.writeString(config, """
                instances = C101, R101
                variants = plain, wide
                variant.plain = ruinShare=0
                variant.wide = ruinShare=0.2 lateAcceptanceSize=400
                """);

        SolverTuning.Config read = SolverTuning.read(config);

        assertThat(read.instances()).containsExactly("C101", "R101");
        assertThat(read.variants()).extracting(SolverTuning.Variant::name).containsExactly("plain", "wide");
        SolverSettings.Search wide = read.variants().get(1).search();
        assertThat(wide.ruinShare()).isEqualTo(0.2);
        assertThat(wide.lateAcceptanceSize()).isEqualTo(400);
        assertThat(wide.nearbySize()).isEqualTo(SolverSettings.Search.DEFAULT.nearbySize());
    }

    @Test
    void rejectsAVariantThatNamesNoSearchSetting() {
        assertThatThrownBy(() -> SolverTuning.search("ruinShar=0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ruinShar=0.1");
    }

    @Test
    void keepsTheRepositorysTuningConfigReadable() throws Exception {
        Path config = Path.of("benchmarks/tuning.properties");

        SolverTuning.Config read = SolverTuning.read(config);

        assertThat(read.instances()).hasSize(12);
        assertThat(read.variants()).extracting(v -> v.search()).contains(SolverSettings.Search.DEFAULT);
    }
}
