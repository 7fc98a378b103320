package dev.routeplan.reports.excel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.reports.DepotPlanFixtures;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens both plan workbooks in a second spreadsheet program, LibreOffice, and prints them to PDF:
 * what POI writes and POI reads back could still be a file other programs refuse (a bad drawing
 * part, a broken filter range). Both workbooks go through one soffice process, since starting it
 * costs more than converting.
 */
class LibreOfficeConversionTests {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    static Path temp;

    private static Path profile;
    private static int exitCode;
    private static String output;

    @BeforeAll
    static void convertBothWorkbooksToPdf() throws IOException, InterruptedException {
        Optional<Path> soffice = onPath("soffice");
        Assumptions.assumeTrue(soffice.isPresent(),
                "soffice (LibreOffice) is not on the PATH: install libreoffice-calc-nogui, as scripts/test.sh does, to run this check");
        Path depot = temp.resolve("plan-DEL-OKH.xlsx");
        try (OutputStream out = Files.newOutputStream(depot)) {
            new PlanWorkbookWriter().write(DepotPlanFixtures.okhlaWithTwoRoutesAndBaseline(),
                    PlanWorkbookFixtures.map(800, 600), PlanWorkbookFixtures.rejectedRows(), out);
        }
        Path run = temp.resolve("run.xlsx");
        try (OutputStream out = Files.newOutputStream(run)) {
            new RunWorkbookWriter().write(
                    List.of(PlanWorkbookFixtures.okhlaWithABlockedRoute(), PlanWorkbookFixtures.narelaWithTwoRoutesAndBaseline()),
                    Map.of("DEL-NRL", PlanWorkbookFixtures.map(640, 480)), List.of(), out);
        }

        // its own profile: LibreOffice locks the profile, so parallel runs sharing one would clash
        profile = Files.createTempDirectory("lo-profile-" + UUID.randomUUID());
        Path log = temp.resolve("soffice.log");
        Process process = new ProcessBuilder(soffice.get().toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", temp.toString(),
                depot.toString(), run.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("soffice did not convert within " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
        }
        exitCode = process.exitValue();
        output = Files.readString(log, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void deleteProfile() throws IOException {
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void printsTheDepotWorkbookWithItsRoutes() throws IOException {
        assertThat(exitCode).as(output).isZero();
        String text = pdfText(temp.resolve("plan-DEL-OKH.pdf"));

        assertThat(text).contains("DEL-OKH", "Sharma General Store", "ORD-2002", "orders-okhla.csv");
    }

    @Test
    void printsTheRunWorkbookWithEveryDepot() throws IOException {
        assertThat(exitCode).as(output).isZero();
        String text = pdfText(temp.resolve("run.pdf"));

        assertThat(text).contains("DEL-OKH", "DEL-NRL", "Total", "BLOCKED_BY_COMPLIANCE", "none");
    }

    private static String pdfText(Path pdf) throws IOException {
        assertThat(pdf).as("PDF written by soffice; its output: " + output).exists();
        assertThat(Files.size(pdf)).isPositive();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(doc);
        }
    }

    private static Optional<Path> onPath(String command) {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, command));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
