package dev.routeplan.reports.compliance;

import static dev.routeplan.reports.Pdfs.text;
import static dev.routeplan.reports.Pdfs.textOf;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.BLOCKED_AT;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.BLOCKED_TRUCK;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.DAY_VAN;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.GRAP_DIESEL;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.GRAP_SOURCE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.GRAP_STAGE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.HASH_RECIPE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.NO_ENTRY_SOURCE;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.PACK_FILES;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.TRAVEL_MODEL;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.MILK_TRUCK;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.NO_ENTRY;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.PERMIT;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.RULE_PACK_SHA256;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.RULE_PACK_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.reports.Written;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.jasperreports.engine.JasperReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ComplianceReportPdfWriterTests {

    private final ComplianceReportPdfWriter writer = new ComplianceReportPdfWriter();

    @Test
    void summarisesTheRunOnPageOne() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(ComplianceReportFixtures.grapNightWithABlockedTruck()))) {
            String first = textOf(document, 1);

            assertThat(first).contains("14-11-2025", GRAP_STAGE, GRAP_SOURCE, "DELHI-GOODS " + RULE_PACK_VERSION,
                    RULE_PACK_SHA256, "14-11-2025 21:30:15 IST");
            assertThat(first).containsPattern("Routes checked\\s+3").containsPattern("Routes passed\\s+2")
                    .containsPattern("Routes blocked\\s+1").containsPattern("Exemptions used\\s+1")
                    .containsPattern("Checks not evaluated\\s+2");
        }
    }

    @Test
    void countsEachRuleByVerdict() throws IOException {
        String text = text(written(ComplianceReportFixtures.grapNightWithABlockedTruck()));

        assertThat(text).contains("PASS", "FAIL", "EXEMPT", "NOT_APPLICABLE", "NOT_EVALUATED", "CHARGE", "Legal source");
        // the rule, its title and legal source, then PASS FAIL EXEMPT NOT_APPLICABLE NOT_EVALUATED CHARGE in column order
        assertThat(text).containsPattern(rowOf(NO_ENTRY, "No-entry hours for HGVs " + NO_ENTRY_SOURCE, "0 1 1 1 0 0"));
        assertThat(text).containsPattern(rowOf(PERMIT, "Entry permit on record", "1 0 0 0 2 0"));
        assertThat(text).containsPattern(rowOf(GRAP_DIESEL, "GRAP IV: no BS-IV diesel goods vehicles", "3 0 0 0 0 0"));
    }

    @Test
    void showsTheBlockedRouteWithItsFailingCheckAndEvidence() throws IOException {
        String text = text(written(ComplianceReportFixtures.grapNightWithABlockedTruck()));
        String blocked = text.substring(text.indexOf("Blocked routes: 1"));

        assertThat(blocked).contains(BLOCKED_TRUCK + " · HGV · Okhla Phase II Depot (DEL-OKH) · BLOCKED");
        assertThat(blocked).contains(NO_ENTRY, "Enters the no-entry zone before its window closes");
        // the evidence is pretty-printed, one value per line
        assertThat(blocked).contains("\"enteredAt\": \"" + BLOCKED_AT + "\"", "\"segment\": \"Ring Road, Ashram Chowk to Moolchand\"");
        assertThat(blocked.substring(0, blocked.indexOf("Depot Okhla"))).doesNotContain("\"exemption\"");
    }

    @Test
    void givesAnOfficerWhatIsNeededToRedoABlockedVerdict() throws IOException {
        String text = text(written(ComplianceReportFixtures.withEverythingToRedoAVerdict()));
        String flat = text.replaceAll("\\s+", " ");

        assertThat(flat).contains("How the SHA-256 is made " + HASH_RECIPE)
                .contains(PACK_FILES.get(0).replaceAll("\\s+", " ")).contains(PACK_FILES.get(1).replaceAll("\\s+", " "))
                .contains("Travel model " + TRAVEL_MODEL)
                .containsPattern("Charges \\(ECC\\) 1");
        String blocked = flat.substring(flat.indexOf("Blocked routes: 1"));
        assertThat(blocked).contains("Legal source " + NO_ENTRY_SOURCE + " · DELHI-GOODS@" + RULE_PACK_VERSION);
        assertThat(blocked).contains("1 depot DEL-OKH ORD-7 2025-11-14T21:30+05:30 2025-11-14T21:40+05:30 "
                + "28.5355,77.273 -> 28.5677,77.2433 5.512");
        assertThat(blocked).contains("2 ORD-7 depot DEL-OKH 2025-11-14T22:10+05:30 2025-11-14T22:20+05:30");
    }

    @Test
    void wrapsEvidenceWiderThanThePageInsteadOfCuttingIt() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(ComplianceReportFixtures.withLongEvidence(12_000)))) {
            String text = new PDFTextStripper().getText(document);

            assertThat(text.replaceAll("\\s+", "")).contains("END\",\"enteredAt\":\"" + BLOCKED_AT);
            assertThat(document.getNumberOfPages()).isGreaterThan(2); // the evidence runs over a page
        }
    }

    @Test
    void givesEachDepotItsOwnPageWithItsRoutes() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(ComplianceReportFixtures.grapNightWithABlockedTruck()))) {
            int okhla = pageWith(document, "Depot Okhla Phase II Depot (DEL-OKH)");
            int narela = pageWith(document, "Depot Narela Depot (DEL-NRL)");

            assertThat(okhla).isGreaterThan(1);
            assertThat(narela).isGreaterThan(okhla);
            assertThat(textOf(document, okhla)).contains(DAY_VAN, BLOCKED_TRUCK, "PASSED", "BLOCKED")
                    .contains("Routes checked 2 · passed 1 · blocked 1").doesNotContain(MILK_TRUCK);
            assertThat(textOf(document, narela)).contains(MILK_TRUCK, "PASSED", "exemptions used 1")
                    .doesNotContain(BLOCKED_TRUCK);
            assertThat(narela).isEqualTo(document.getNumberOfPages());
        }
    }

    @Test
    void embedsDejaVuSoEveryPrinterShowsTheSameText() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(ComplianceReportFixtures.grapNightWithABlockedTruck()))) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    var font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("DejaVu"));
        }
    }

    @Test
    void writesAOnePageReportWhenNoRouteWasChecked() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(ComplianceReportFixtures.withoutDepots()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(textOf(document, 1)).contains("No routes were checked for this plan date.",
                    "No checks were recorded for this run.", "No route was blocked.", RULE_PACK_SHA256);
        }
    }

    @Test
    void givesADepotWithoutRoutesAPageSayingSo() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(ComplianceReportFixtures.withAnIdleDepot()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(textOf(document, 2)).contains("Depot Okhla Phase II Depot (DEL-OKH)",
                    "No routes were checked at this depot.");
        }
    }

    @Test
    void compilesTheTemplateOncePerJvm() {
        JasperReport first = ComplianceReportPdfWriter.template();

        assertThat(ComplianceReportPdfWriter.template()).isSameAs(first);
    }

    @Test
    void writesReportsInParallel() throws Exception {
        List<byte[]> pdfs = Written.inParallel(List.of(ComplianceReportFixtures.grapNightWithABlockedTruck(),
                ComplianceReportFixtures.withoutDepots(), ComplianceReportFixtures.grapNightWithABlockedTruck(),
                ComplianceReportFixtures.withoutDepots()), writer::write);

        for (int i = 0; i < pdfs.size(); i++) {
            assertThat(text(pdfs.get(i))).contains(i % 2 == 0 ? BLOCKED_AT : "No route was blocked.");
        }
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        byte[] pdf = Written.leavingTheStreamOpen(out -> writer.write(ComplianceReportFixtures.grapNightWithABlockedTruck(), out));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    private byte[] written(ComplianceReport report) throws IOException {
        return Written.bytes(out -> writer.write(report, out));
    }

    /** The cells of a row in print order; a cell's text may wrap onto several lines at its spaces. */
    private static Pattern rowOf(String ruleId, String titleAndSource, String counts) {
        return Pattern.compile(Pattern.quote(ruleId) + "\\s+" + words(titleAndSource) + "\\s+" + counts.replace(" ", "\\s+"));
    }

    private static String words(String phrase) {
        return String.join("\\s+", java.util.Arrays.stream(phrase.split(" ")).map(Pattern::quote).toList());
    }

    private static int pageWith(PDDocument document, String part) throws IOException {
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            if (textOf(document, page).contains(part)) {
                return page;
            }
        }
        throw new AssertionError("no page contains " + part);
    }
}
