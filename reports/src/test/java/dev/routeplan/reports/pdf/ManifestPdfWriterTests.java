package dev.routeplan.reports.pdf;

import static dev.routeplan.reports.DepotPlanFixtures.DAY_VAN;
import static dev.routeplan.reports.DepotPlanFixtures.HINDI_CONJUNCTS;
import static dev.routeplan.reports.DepotPlanFixtures.HINDI_CUSTOMER;
import static dev.routeplan.reports.DepotPlanFixtures.NIGHT_TRUCK;
import static dev.routeplan.reports.Pdfs.text;
import static dev.routeplan.reports.Pdfs.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.DepotPlanFixtures;
import dev.routeplan.reports.RouteMapImage;
import dev.routeplan.reports.Written;
import dev.routeplan.reports.map.MapOutline;
import dev.routeplan.reports.map.RouteMapRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import net.sf.jasperreports.engine.JasperReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void startsEachRouteOnItsOwnPageAfterTheSummary() throws IOException {
        byte[] pdf = written(DepotPlanFixtures.okhlaWithTwoRoutes());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(textOf(document, 1)).contains("Depot plan").doesNotContain("ORD-1001");
            assertThat(textOf(document, 2)).contains(DAY_VAN).doesNotContain(NIGHT_TRUCK);
            assertThat(textOf(document, 3)).contains(NIGHT_TRUCK).doesNotContain("ORD-1001");
        }
    }

    @Test
    void embedsTheBundledNotoFontsSoEveryPrinterShowsTheSameText() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithHindiCustomers()))) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    var font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("NotoSans"))
                    .anyMatch(name -> name.contains("NotoSansDevanagari"));
        }
    }

    @Test
    void repeatsTheRouteHeaderWhenARouteRunsOverSeveralPages() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithOneLongRoute(60)))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            for (int page = 2; page <= document.getNumberOfPages(); page++) {
                assertThat(textOf(document, page)).as("page " + page).contains(DAY_VAN, "ETA (IST)");
            }
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("ORD-L001", "ORD-L060");
            assertThat(occurrences(all, "Rule pack DELHI-GOODS 2025.11: PASS")).isEqualTo(1);
        }
    }

    @Test
    void givesAVehicleWithoutStopsItsOwnPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithAnIdleTruck()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(4);
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
    void extractsEveryOrderIdAndTheHindiCustomerNamesAsText() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithHindiCustomers()));

        assertThat(text).contains("ORD-4001", "ORD-4002", "ORD-4003");
        assertThat(text).contains(HINDI_CUSTOMER, HINDI_CONJUNCTS, "गुप्ता मेडिकल स्टोर & Sons", "दुकान 7, Lajpat Nagar");
    }

    @Test
    void listsTheFullStopTableOfEachRoute() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        assertThat(text).contains("Seq Order Customer Phone Address Pincode Window ETA (IST) Departure (IST)", "Service", "kg",
                "Registration");
        // seq, order, customer, phone, address, pincode, window, ETA, departure, service minutes, kg of the order: the whole line
        assertThat(line(text, "1 ORD-1001 ")).isEqualTo("1 ORD-1001 Sharma General Store +91 98496 09920 "
                + "Shop 14, Lajpat Nagar II Central Market 110024 09:00-12:00 14-11-2025 09:20 14-11-2025 09:35 15 420");
        assertThat(text).contains("DL1LAB1234 · registered in DL on 01-03-2022", "Totals: 3 stops · 17.4 km · 980 kg loaded · 1.3 h driving");
    }

    @Test
    void printsEachStopsPhoneForTheDriver() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        // grouped as Indian mobiles are written, in the stop's own row between its customer and address
        assertThat(line(text, "1 ORD-1001 ")).contains("Sharma General Store +91 98496 09920 Shop 14");
        assertThat(line(text, "2 ORD-1002 ")).contains("+91 70112 23344 B-7, Kalkaji Extension");
        assertThat(line(text, "1 ORD-2001 ")).contains("Narela Agro Traders +91 92763 55121 Plot 33");
        assertThat(text).doesNotContain(DepotPlanFixtures.SHARMA_PHONE, DepotPlanFixtures.NARELA_PHONE);
    }

    @Test
    void printsThePhoneBesideADevanagariCustomer() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithHindiCustomers()));

        // spaces collapsed: PDFBox pads a shaped Devanagari run with a few
        assertThat(line(text, "2 ORD-4002 ").replaceAll("\\s+", " "))
                .contains(HINDI_CONJUNCTS + " +91 98100 44002 C-12, Kalkaji Main Road");
        assertThat(text).contains("+91 98100 44001", "+91 98100 44003");
    }

    @Test
    void leavesThePhoneBlankWhenTheOrderHasNone() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        assertThat(line(text, "2 ORD-2002 ")).isEqualTo("2 ORD-2002 Bawana Cold Chain Pvt Ltd Sector 5, Bawana Industrial Area "
                + "110039 23:00-05:00 15-11-2025 00:20 15-11-2025 01:00 40 3100");
        assertThat(text).doesNotContain("null");
    }

    @Test
    void printsNothingElseOfTheCustomerThanNamePhoneAndAddress() throws IOException {
        String text = text(written(DepotPlanFixtures.okhlaWithTwoRoutes()));

        // the order carries its position, goods type and priority too: planning needs them, the driver's sheet does not
        assertThat(text).doesNotContain("28.5677", "77.2433", "FMCG", "Priority");
    }

    @Test
    void opensWithTheDepotsFiguresOnTheSummaryPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithTwoRoutesAndBaseline()))) {
            String summary = textOf(document, 1);

            assertThat(summary).contains("Depot plan · Okhla Phase II Depot (DEL-OKH)", "Plan date 14-11-2025");
            assertThat(summary).contains("Vehicles used 2 of 2 published", "Stops 5", "Distance 106.7 km",
                    "Driving 4.3 h", "Load utilisation 78.9 %", "Unassigned orders 2");
            assertThat(summary).contains("Against the dispatcher's hand plan (baseline)", "Orders served 5, baseline 5",
                    "INR 1,020.00, baseline INR", "1,240.00: 17.7 % less", "21.34 km, baseline 28.46 km: 25.0", "% fewer",
                    "-35.6 km: 106.7 against", "Rule pack DELHI-GOODS 2025.11");
        }
    }

    @Test
    void saysTheBaselinesCostWasNotRecordedForAPlanStoredBeforeCostsWere() throws IOException {
        DepotPlanDocument doc = DepotPlanFixtures.okhlaWithTwoRoutes();
        DepotPlanDocument storedBeforeCosts = new DepotPlanDocument(doc.planDate(), doc.depot(), doc.routes(), doc.unassigned(),
                doc.rulePackId(), doc.rulePackVersion(),
                new EfficiencyGain(142.3, doc.distanceKm(), 5, doc.stopCount(), EfficiencyGain.NOT_RECORDED, 5_100));
        try (PDDocument document = Loader.loadPDF(written(storedBeforeCosts))) {
            assertThat(textOf(document, 1)).contains("INR 1,020.00, baseline not", "recorded", "21.34 km, baseline 28.46 km")
                    .doesNotContain("NaN");
        }
    }

    @Test
    void saysTheEfficiencyWasNotMeasuredWithoutABaseline() throws IOException {
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithTwoRoutes()))) {
            assertThat(textOf(document, 1)).contains("Efficiency vs baseline not measured");
        }
    }

    @Test
    void putsTheRouteMapOnTheSummaryPageOnlyWhenGiven() throws IOException {
        RouteMapImage map = new RouteMapRenderer().render(DepotPlanFixtures.okhlaWithTwoRoutes(),
                MapOutline.delhi(), 800, 600);
        ByteArrayOutputStream withMap = new ByteArrayOutputStream();
        writer.write(DepotPlanFixtures.okhlaWithTwoRoutes(), map, withMap);

        try (PDDocument document = Loader.loadPDF(withMap.toByteArray())) {
            assertThat(images(document.getPage(0))).isEqualTo(1);
            assertThat(images(document.getPage(1))).isZero();
        }
        try (PDDocument document = Loader.loadPDF(written(DepotPlanFixtures.okhlaWithTwoRoutes()))) {
            assertThat(images(document.getPage(0))).isZero();
        }
    }

    @Test
    void rendersSummaryAndManifestPagesThatPopplerCanDraw(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed; scripts/test.sh installs it");
        Path pdf = dir.resolve("depot.pdf");
        RouteMapImage map = new RouteMapRenderer().render(DepotPlanFixtures.okhlaWithHindiCustomers(),
                MapOutline.delhi(), 800, 600);
        try (var out = Files.newOutputStream(pdf)) {
            writer.write(DepotPlanFixtures.okhlaWithHindiCustomers(), map, out);
        }

        Process pdftoppm = new ProcessBuilder("pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2",
                pdf.toString(), dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(pdftoppm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pdftoppm.exitValue()).as(new String(pdftoppm.getInputStream().readAllBytes())).isZero();

        for (String page : List.of("page-1.png", "page-2.png")) {
            BufferedImage png = ImageIO.read(dir.resolve(page).toFile());
            assertThat(png.getWidth()).as(page).isEqualTo(936); // A4 landscape, 842 pt at 80 dpi, rounded up
            assertThat(inkShare(png)).as(page + " share of non-white pixels").isBetween(0.01, 0.6);
        }
    }

    @Test
    void compilesTheTemplateOncePerJvm() {
        JasperReport first = ManifestTemplate.compiled();

        assertThat(ManifestTemplate.compiled()).isSameAs(first);
    }

    @Test
    void writesManifestsOfSeveralDepotsInParallel() throws Exception {
        List<byte[]> pdfs = Written.inParallel(List.of(DepotPlanFixtures.okhlaWithTwoRoutes(),
                DepotPlanFixtures.okhlaWithoutRoutes(), DepotPlanFixtures.okhlaWithTwoRoutes(),
                DepotPlanFixtures.okhlaWithoutRoutes()), writer::write);

        for (int i = 0; i < pdfs.size(); i++) {
            assertThat(text(pdfs.get(i))).contains(i % 2 == 0 ? NIGHT_TRUCK : "No routes were published");
        }
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        byte[] pdf = Written.leavingTheStreamOpen(out -> writer.write(DepotPlanFixtures.okhlaWithTwoRoutes(), out));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    private byte[] written(DepotPlanDocument doc) throws IOException {
        return Written.bytes(out -> writer.write(doc, out));
    }

    private static int images(PDPage page) throws IOException {
        int images = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }

    private static double inkShare(BufferedImage png) {
        long ink = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if ((png.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) ((long) png.getWidth() * png.getHeight());
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** The one line of the text that starts with {@code start}, such as a stop's row. */
    private static String line(String text, String start) {
        List<String> lines = text.lines().filter(l -> l.startsWith(start)).toList();
        assertThat(lines).as("lines starting with \"%s\"", start).hasSize(1);
        return lines.get(0).strip();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
