package dev.routeplan.planning.compliance.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pack's SHA-256 is reproducible by hand from the recipe the compliance report and the README
 * state ({@link RulePack#HASH_RECIPE}): the files' hashes as sha256sum prints them, YAML first,
 * then the zone files in byte order of their paths, and the hash of that text. Computed here with
 * the JDK alone, and with the real {@code sha256sum} where the machine has it.
 */
class RulePackHashTests {

    private static final Path DIR = Path.of("../config/rules");
    private static final Path SHIPPED = DIR.resolve("delhi.yaml");

    @Test
    void theDocumentedRecipeDoneByHandGivesThePacksHash() throws Exception {
        RulePack pack = RulePackLoader.load(SHIPPED);
        List<String> files = new ArrayList<>(List.of("delhi.yaml"));
        try (var zones = Files.list(DIR.resolve("zones"))) {
            zones.map(p -> "zones/" + p.getFileName()).sorted().forEach(files::add);
        }
        StringBuilder manifest = new StringBuilder();
        for (String file : files) {
            manifest.append(sha256(Files.readAllBytes(DIR.resolve(file)))).append("  ").append(file).append('\n');
        }

        assertThat(pack.zones().values()).extracting(Zone::file).containsExactlyInAnyOrderElementsOf(files.subList(1, files.size()));
        assertThat(pack.hashManifest()).isEqualTo(manifest.toString());
        assertThat(pack.sha256()).isEqualTo(sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sha256sumInThePacksFolderGivesThePacksHash() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "sha256sum not installed");
        RulePack pack = RulePackLoader.load(SHIPPED);
        String files = pack.hashManifest().lines().map(line -> line.substring(66)).reduce((a, b) -> a + " " + b).orElseThrow();

        Process p = new ProcessBuilder("sh", "-c", "sha256sum " + files + " | sha256sum")
                .directory(DIR.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(pack.sha256() + "  -");
    }

    @Test
    void changingAnyZoneFileChangesThePacksHash(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("zones"));
        try (var zones = Files.list(DIR.resolve("zones"))) {
            for (Path f : zones.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.copy(SHIPPED, tmp.resolve("delhi.yaml"));
        String before = RulePackLoader.load(tmp.resolve("delhi.yaml")).sha256();
        Path barapullah = copy.resolve("barapullah.geojson");
        Files.writeString(barapullah, Files.readString(barapullah) + "\n");

        assertThat(RulePackLoader.load(tmp.resolve("delhi.yaml")).sha256()).isNotEqualTo(before);
        assertThat(before).isEqualTo(RulePackLoader.load(SHIPPED).sha256());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
