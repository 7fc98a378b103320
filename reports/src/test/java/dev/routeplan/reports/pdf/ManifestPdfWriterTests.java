package dev.routeplan.reports.pdf;

import static dev.routeplan.reports.DepotPlanFixtures.DAY_VAN;
import static dev.routeplan.reports.DepotPlanFixtures.NIGHT_TRUCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.DepotPlanFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.jasperreports.engine.JasperReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ManifestPdfWriterTests {

    private final ManifestPdfWriter writer = new ManifestPdfWriter();

    @Test
    void listsEveryVehicleAndOrderOfThePlan() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        assertThat(text).contains(DAY_VAN, NIGHT_TRUCK, "ORD-1001", "ORD-1002", "ORD-1003", "ORD-2001", "ORD-2002");
        assertThat(text).contains("Okhla Phase II Depot", "14-11-2025", "DRV-0088", "HGV", "DIESEL", "BS6");
    }

    @Test
    void stampsEachRouteWithTheRulePackVerdict() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        assertThat(occurrences(text, "Rule pack DELHI-GOODS 2025.11: PASS")).isEqualTo(2);
        assertThat(text).contains("Driver: name, signature, time", "Dispatcher: name, signature, time");
    }

    @Test
    void totalsEachRoute() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        assertThat(text).contains("Totals: 3 stops · 17.4 km · 980 kg loaded");
        assertThat(text).contains("Totals: 2 stops · 89.3 km · 7300 kg loaded");
    }

    @Test
    void printsStopsAfterMidnightWithTheNextDaysDate() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        assertThat(text).contains("15-11-2025 00:20", "15-11-2025 02:30");
    }

    @Test
    void startsEachRouteOnItsOwnPage() throws IOException {
        byte[] pdf = written(DepotPlanFixtures.okhlaWithTwoRoutes());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(textOf(document, 1)).contains(DAY_VAN).doesNotContain(NIGHT_TRUCK);
            assertThat(textOf(document, 2)).contains(NIGHT_TRUCK).doesNotContain("ORD-1001");
        }
    }

    @Test
    void embedsDejaVuSansSoEveryPrinterShowsTheSameText() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithTwoRoutes()))) {
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
    void repeatsTheRouteHeaderWhenARouteRunsOverSeveralPages() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithOneLongRoute(60)))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                assertThat(textOf(document, page)).as("page " + page).contains(DAY_VAN, "Arrival (IST)");
            }
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("ORD-L001", "ORD-L060");
            assertThat(occurrences(all, "Rule pack DELHI-GOODS 2025.11: PASS")).isEqualTo(1);
        }
    }

    @Test
    void givesAVehicleWithoutStopsItsOwnPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithAnIdleTruck()))) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(textOf(document, document.getNumberOfPages())).contains("DL1GC0007", "Totals: 0 stops");
        }
    }

    @Test
    void saysSoOnOnePageWhenADepotPublishedNoRoutes() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithoutRoutes()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(textOf(document, 1)).contains("No routes were published for 14-11-2025", "DEL-OKH");
        }
    }

    @Test
    void compilesTheTemplateOncePerJvm() {
        JasperReport first = ManifestTemplate.compiled();

        assertThat(ManifestTemplate.compiled()).isSameAs(first);
    }

    @Test
    void writesManifestsOfSeveralDepotsInParallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                DepotPlanDocument doc = i % 2 == 0 ? DepotPlanFixtures.okhlaWithTwoRoutes()
                        : DepotPlanFixtures.okhlaWithoutRoutes();
                results.add(pool.submit(() -> written(doc)));
            }
            for (int i = 0; i < results.size(); i++) {
                String text = text(results.get(i).get());
                assertThat(text).contains(i % 2 == 0 ? NIGHT_TRUCK : "No routes were published");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leavesTheCallersStreamOpen() {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        writer.write(DepotPlanFixtures.okhlaWithTwoRoutes(), out);

        assertThat(out.closed).isFalse();
        assertThat(new String(out.toByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    private byte[] written(DepotPlanDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(doc, out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String textOf(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
