package dev.routeplan.planning.compliance.pack;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.SHIPPED_PACK;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.editedCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTests {

    @TempDir
    Path tmp;

    @Test
    void theShippedDelhiPackLoadsWithItsHeaderAndTheHashOfItsBytesAndItsZoneFiles() throws Exception {
        RulePack pack = RulePackLoader.load(SHIPPED_PACK);

        // the hash's recipe, redone by hand, is RulePackHashTests' business
        String yamlHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SHIPPED_PACK)));
        String marketsHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(SHIPPED_PACK.resolveSibling("zones/markets-2021.geojson"))));
        assertThat(pack.id()).isEqualTo("delhi-default");
        assertThat(pack.version()).isEqualTo("0.1.0");
        assertThat(pack.timezone()).isEqualTo("Asia/Kolkata");
        assertThat(pack.effectiveFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(pack.sourcesAsOf()).isEqualTo("2026-03");
        assertThat(pack.zones().get("MARKETS_2021").fileSha256()).isEqualTo(marketsHash);
        assertThat(pack.hashManifest()).startsWith(yamlHash + "  delhi.yaml\n")
                .contains(marketsHash + "  zones/markets-2021.geojson\n");
    }

    @Test
    void theShippedPackKeepsEveryRuleOfTheResearchNotesAndMarksThemUnverified() {
        RulePack pack = RulePackLoader.load(SHIPPED_PACK);

        assertThat(pack.rules()).extracting(Rule::id).contains("DL-NOENTRY-HGV", "DL-NOENTRY-MARKETS",
                "DL-GRAP3-LMV-BS3P-BS4D", "DL-GRAP4-DL-DIESEL-MGV-HGV", "DL-AGE-DIESEL-10Y", "DL-AGE-PETROL-15Y",
                "DL-DOC-PUC", "DL-DOC-PERMIT", "DRV-BREAK", "DRV-DAILY-HOURS", "DRV-SPREAD-OVER", "DRV-REST", "DRV-WEEKLY", "DL-GVW")
                .hasSize(32);
        assertThat(pack.rules()).allSatisfy(r -> assertThat(r.verified()).as(r.id()).isFalse());
        assertThat(pack.rule("DL-SEASONAL-MGV-HGV-OUTSIDE")).get().extracting(Rule::enabled).isEqualTo(false);
    }

    @Test
    void theHgvNoEntryRuleIsReadAsASevenToElevenPmWindowInDelhiNct() {
        Rule hgv = RulePackLoader.load(SHIPPED_PACK).rule("DL-NOENTRY-HGV").orElseThrow();

        assertThat(hgv.kind()).isEqualTo(RuleKind.TIME_WINDOW);
        assertThat(hgv.zone()).isEqualTo("DELHI_NCT");
        assertThat(hgv.appliesTo().classes()).containsExactlyInAnyOrder("HGV", "MGV");
        assertThat(hgv.when().windows()).singleElement()
                .satisfies(w -> {
                    assertThat(w.startSecond()).isEqualTo(7 * 3600);
                    assertThat(w.endSecond()).isEqualTo(23 * 3600);
                });
        assertThat(hgv.severity()).isEqualTo(Severity.HARD);
    }

    @Test
    void rulesTheEngineCannotEvaluateYetAreLoadedWithTheReason() {
        RulePack pack = RulePackLoader.load(SHIPPED_PACK);

        assertThat(pack.rule("DL-NOENTRY-MARKETS").orElseThrow().kind()).isEqualTo(RuleKind.TIME_WINDOW);
        assertThat(pack.rule("DL-GRAP4-TRUCK-ENTRY").orElseThrow().kind()).isEqualTo(RuleKind.ENTRY);
        assertThat(pack.rule("DL-GRAP4-NONBS6-OUTSIDE-ALL").orElseThrow().notEvaluatedReason())
                .contains("Delhi GRAP IV order");
        assertThat(pack.rule("DL-RFID-TAG").orElseThrow().notEvaluatedReason()).contains("RFID");
        assertThat(pack.rule("DL-EVENT-OVERRIDE").orElseThrow().notEvaluatedReason()).contains("event overrides");
        assertThat(pack.rule("DL-LOAD-GVW-AXLE").orElseThrow().kind()).isEqualTo(RuleKind.AXLE_GVW_CAP);
        assertThat(pack.rule("DL-LOAD-GVW-AXLE").orElseThrow().gvwCapKgByAxles())
                .containsEntry(2, 18_500).containsEntry(3, 28_500).containsEntry(0, 49_000);
    }

    @Test
    void theEssentialGoodsListIsComparedCaseInsensitivelyWithOrderGoodsTypes() {
        RulePack pack = RulePackLoader.load(SHIPPED_PACK);

        assertThat(pack.allEssential(java.util.Set.of("MILK", "Vegetables", "medicines"))).isTrue();
        assertThat(pack.allEssential(java.util.Set.of("MILK", "FURNITURE"))).isFalse();
        assertThat(pack.allEssential(java.util.Set.of())).as("no cargo proves nothing").isFalse();
    }

    @Test
    void aWindowTimeThatIsNotATimeNamesTheFileTheRuleAndTheField() throws Exception {
        Path broken = editedCopy(tmp, "start: \"07:00\", end: \"23:00\"", "start: \"7pm\", end: \"23:00\"");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .isInstanceOf(RulePackException.class)
                .hasMessage("delhi.yaml: rule DL-NOENTRY-HGV: when.windows[0].start: not a time \"7pm\"")
                .satisfies(e -> {
                    RulePackException rpe = (RulePackException) e;
                    assertThat(rpe.ruleId()).isEqualTo("DL-NOENTRY-HGV");
                    assertThat(rpe.field()).isEqualTo("when.windows[0].start");
                });
    }

    @Test
    void anUnknownVehicleClassInAppliesToIsAnError() throws Exception {
        Path broken = editedCopy(tmp, "applies_to: {classes: [HGV, MGV], fuels: any",
                "applies_to: {classes: [HGV, TRUCK], fuels: any");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("delhi.yaml: rule DL-NOENTRY-HGV: applies_to.classes[1]: unknown vehicle class \"TRUCK\"");
    }

    @Test
    void anUnknownFuelOrNormInAppliesToIsAnError() throws Exception {
        Path badFuel = editedCopy(tmp, "applies_to: {fuel: DIESEL, classes: [LGV, MGV, HGV]}",
                "applies_to: {fuel: DEISEL, classes: [LGV, MGV, HGV]}");
        assertThatThrownBy(() -> RulePackLoader.load(badFuel))
                .hasMessage("delhi.yaml: rule DL-AGE-DIESEL-10Y: applies_to.fuel: unknown Fuel \"DEISEL\"");

        Path badNorm = editedCopy(tmp, "{fuel: DIESEL, norm_le: BS4}]}", "{fuel: DIESEL, norm_le: BS5}]}");
        assertThatThrownBy(() -> RulePackLoader.load(badNorm))
                .hasMessage("delhi.yaml: rule DL-GRAP3-LMV-BS3P-BS4D: applies_to.match_any[1].norm_le: unknown EmissionNorm \"BS5\"");
    }

    @Test
    void aMissingHeaderFieldIsNamed() throws Exception {
        Path broken = editedCopy(tmp, "  version: \"0.1.0\"\n", "");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .hasMessage("delhi.yaml: pack.version: missing");
    }

    @Test
    void aGrapStageOutsideOneToFourIsAnError() throws Exception {
        Path broken = editedCopy(tmp, "when: {grap_stage_gte: 3}                                 # F (stage III",
                "when: {grap_stage_gte: 5}                                 # F (stage III");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .hasMessage("delhi.yaml: rule DL-GRAP3-LMV-BS3P-BS4D: when.grap_stage_gte: GRAP stage must be 1 to 4, was 5");
    }

    @Test
    void aDuplicateRuleIdIsAnError() throws Exception {
        Path broken = editedCopy(tmp, "- id: DL-NOENTRY-MARKETS", "- id: DL-NOENTRY-HGV");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .hasMessage("delhi.yaml: rule DL-NOENTRY-HGV: id: duplicate rule id \"DL-NOENTRY-HGV\"");
    }

    @Test
    void aVehicleClassWhoseParentChainLoopsIsAnError() throws Exception {
        Path broken = editedCopy(tmp, "  LGV:    {gvw_kg: {gt: 0,    le: 7500}}", "  LGV:    {parent: LGV_3W, gvw_kg: {gt: 0,    le: 7500}}");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("delhi.yaml: ")
                .hasMessageContaining("parent chain loops back to LGV");
    }

    @Test
    void aConditionTheEngineDoesNotKnowIsAnErrorNamingRuleAndField() throws Exception {
        Path broken = editedCopy(tmp, "when: {windows: [{days: ALL, start: \"07:00\", end: \"23:00\"}]}   # F (07:00 vs 06:00",
                "when: {windows: [{days: ALL, start: \"07:00\", end: \"23:00\"}], full_moon: true}   # F (07:00 vs 06:00");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("delhi.yaml: rule DL-NOENTRY-HGV: when.full_moon: unknown condition");
    }

    @Test
    void aFileThatIsNotYamlIsReportedAsSuch() throws Exception {
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "pack: {id: x\nrules: [");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("broken.yaml: (yaml): not valid YAML");
    }

    @Test
    void aMisspeltFilterKeyIsAnErrorRatherThanASilentlyWiderBan() throws Exception {
        Path broken = editedCopy(tmp, "applies_to: {classes: [LGV], exclude_classes: [LGV_3W]}",
                "applies_to: {classes: [LGV], exclude_class: [LGV_3W]}");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .hasMessageStartingWith("delhi.yaml: rule DL-NOENTRY-PHIRNI-LGV: applies_to.exclude_class: unknown filter");
    }

    @Test
    void aScalarWhereAMappingBelongsIsAnError() throws Exception {
        Path broken = editedCopy(tmp, "applies_to: {classes: [HGV, MGV]}\n    eval: {where: PHIRNI",
                "applies_to: HGV\n    eval: {where: PHIRNI");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .hasMessage("delhi.yaml: rule DL-NOENTRY-PHIRNI-HGV: applies_to: not a mapping");
    }

    // ---- zone geometry ----

    @Test
    void everyZoneOfTheShippedPackHasApproximateGeometryAndTheThirteenMarkets() {
        RulePack pack = RulePackLoader.load(SHIPPED_PACK);

        assertThat(pack.zones().keySet()).containsExactlyInAnyOrder("DELHI_NCT", "DELHI_NCR", "MARKETS_2021",
                "PHIRNI_CIRCULAR_NAJAFGARH", "NANGLOI_NAJAFGARH_RD", "BARAPULLAH", "CHANDNI_CHOWK_NMV");
        assertThat(pack.zones().values()).allSatisfy(z -> assertThat(z.approximate()).as(z.id()).isTrue());
        assertThat(pack.zones().get("MARKETS_2021").features()).extracting(ZoneFeature::name).hasSize(13)
                .contains("Lajpat Nagar", "Dwarka Sec-10 main market");
        assertThat(pack.zones().get("DELHI_NCT").features().get(0).area().getNumPoints()).isGreaterThan(20);
        assertThat(pack.zones().get("PHIRNI_CIRCULAR_NAJAFGARH").bufferMetres()).isEqualTo(60.0);
    }

    @Test
    void aRoadIsWidenedByItsBufferInMetresOnEachSide() {
        Zone phirni = RulePackLoader.load(SHIPPED_PACK).zones().get("PHIRNI_CIRCULAR_NAJAFGARH");
        org.locationtech.jts.geom.Geometry road = phirni.features().get(0).area();
        // Midpoint of the first, almost east-west, segment (76.975,28.615)-(76.985,28.616), then north.
        double lon = 76.980;
        double lat = 28.6155;
        double metreOfLatitude = 1 / 111_195.0;
        var factory = new org.locationtech.jts.geom.GeometryFactory();

        assertThat(road.covers(factory.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat + 50 * metreOfLatitude))))
                .as("50 m off the centre line").isTrue();
        assertThat(road.covers(factory.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat + 70 * metreOfLatitude))))
                .as("70 m off the centre line").isFalse();
    }

    @Test
    void aMissingGeometryFileFailsTheLoadNamingTheZoneAndTheFile() throws Exception {
        Path broken = editedCopy(tmp, "geometry: zones/barapullah.geojson", "geometry: zones/barapulla.geojson");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("delhi.yaml: zones.BARAPULLAH.geometry: zone BARAPULLAH: cannot read geometry file"
                        + " zones/barapulla.geojson");
    }

    @Test
    void anOpenPolygonRingFailsTheLoadNamingTheZoneTheFileAndTheFeature() throws Exception {
        Path pack = editedCopy(tmp, "geometry: zones/delhi-ncr.geojson", "geometry: zones/delhi-ncr.geojson");
        Files.writeString(tmp.resolve("zones/delhi-ncr.geojson"), """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"name": "NCR", "approximate": true},
                  "geometry": {"type": "Polygon", "coordinates": [[[77.0, 28.0], [78.0, 28.0], [78.0, 29.0], [77.0, 29.0]]]}}
                ]}
                """);

        assertThatThrownBy(() -> RulePackLoader.load(pack))
                .hasMessage("delhi.yaml: zones.DELHI_NCR.geometry: zone DELHI_NCR: zones/delhi-ncr.geojson: feature 0 (NCR):"
                        + " polygon ring must be closed and have at least 4 positions");
    }

    @Test
    void malformedCoordinatesAndLinesWhereAreasBelongFailTheLoad() throws Exception {
        Path pack = editedCopy(tmp, "geometry: zones/chandni-chowk-nmv.geojson", "geometry: zones/chandni-chowk-nmv.geojson");
        Files.writeString(tmp.resolve("zones/chandni-chowk-nmv.geojson"), """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"name": "Chandni Chowk"},
                  "geometry": {"type": "LineString", "coordinates": [[77.2375, "north"], [77.2225, 28.6566]]}}
                ]}
                """);
        assertThatThrownBy(() -> RulePackLoader.load(pack))
                .hasMessageContaining("zone CHANDNI_CHOWK_NMV: zones/chandni-chowk-nmv.geojson: feature 0 (Chandni Chowk):"
                        + " position [77.2375, north] is not [lon, lat]");

        Files.copy(tmp.resolve("zones/barapullah.geojson"), tmp.resolve("zones/delhi-nct.geojson"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> RulePackLoader.load(pack))
                .hasMessageContaining("zone DELHI_NCT: zones/delhi-nct.geojson: feature 0");
    }

    @Test
    void aRuleNamingAZoneThePackDoesNotHaveIsAnError() throws Exception {
        Path broken = editedCopy(tmp, "eval: {where: BARAPULLAH, mode: plying_in_zone}",
                "eval: {where: BARAPULA, mode: plying_in_zone}");

        assertThatThrownBy(() -> RulePackLoader.load(broken))
                .hasMessageStartingWith("delhi.yaml: rule DL-NOENTRY-BARAPULLAH: eval.where: unknown zone \"BARAPULA\"");
    }
}
