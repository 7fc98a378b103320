package dev.routeplan.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.ingest.format.OrderFileSettings;
import dev.routeplan.batch.ingest.format.OrderFiles;
import dev.routeplan.batch.ingest.format.OrderRowSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten million rows through the per-row path of the ingest, the reader and the validator, without
 * the database: every row read is an order or a reject naming its row, none is lost or read twice,
 * and memory does not grow with the rows. The whole ingest of ten million rows into PostgreSQL
 * takes minutes and is a benchmark, {@code scripts/bench.sh ingest-10m}.
 */
class TenMillionRowsTests {

    private static final int ROWS = 10_000_000;
    /** One row in this many is bad, in one of {@link #FAULTS}' ways. */
    private static final int BAD_EVERY = 10;
    private static final List<String> FAULTS = List.of("weight", "depot", "window", "duplicate", "empty");
    /**
     * What the validator may keep per row: the ids it accepted (a HashMap entry, the id and its
     * file, about 100 bytes), so that a later row with the same id is found. An order row as read
     * (its values in a map, its raw line) is over 1 KB: keeping the rows would take over 10 GB.
     */
    private static final long MAX_RETAINED_BYTES_PER_ROW = 200;

    @Test
    void readsTenMillionRowsEachIntoAnOrderOrARejectWithoutKeepingThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("orders-10m.csv");
        long writeStart = System.nanoTime();
        write(file);
        long readStart = System.nanoTime();
        OrderRowValidator validator = new OrderRowValidator(LocalDate.of(2026, 12, 1),
                ServiceArea.fromWkt("POLYGON ((76.80 28.38, 77.05 28.30, 77.35 28.32, 77.60 28.48, 77.62 28.72,"
                        + " 77.45 28.95, 77.10 29.05, 76.82 28.90, 76.75 28.62, 76.80 28.38))"),
                PincodeRanges.parse(List.of("110001-110099")),
                Map.of("D1", new OrderRowValidator.DepotCapacity(2000, 10)), Map.of());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        long maxRetained = 0;
        long read = 0;
        long accepted = 0;
        List<String> problems = new ArrayList<>();
        try (OrderRowSource rows = new OrderFiles(OrderFileSettings.DEFAULTS).open(1, "orders-10m.csv", file)) {
            for (OrderRow row = rows.next(); row != null; row = rows.next()) {
                read++;
                IngestOutcome outcome = validator.process(row);
                boolean meantBad = row.rowNumber() % BAD_EVERY == 0;
                if ((row.rowNumber() != read + 1 || outcome.isAccepted() == meantBad) && problems.size() < 10) {
                    problems.add("row " + row.rowNumber() + " (read " + read + "): " + (outcome.isAccepted() ? "an order"
                            : outcome.rejected().message()));
                }
                if (outcome.isAccepted()) {
                    accepted++;
                } else if (!outcome.rejected().message().startsWith("orders-10m.csv row " + row.rowNumber() + ": ")
                        && problems.size() < 10) {
                    problems.add("a reject not naming its row: " + outcome.rejected().message());
                }
                if (read % 2_000_000 == 0) {
                    maxRetained = Math.max(maxRetained, usedAfterGc(memory) - baseline);
                }
            }
        }
        long end = System.nanoTime();
        System.out.printf("TenMillionRowsTests: %d rows written in %.1f s (%d bytes), read and validated in %.1f s"
                        + " (%.0f rows/s), %d accepted, %d rejected; heap retained at most %d MB (%d bytes a row)%n",
                ROWS, (readStart - writeStart) / 1e9, Files.size(file), (end - readStart) / 1e9,
                read / ((end - readStart) / 1e9), accepted, read - accepted, maxRetained >> 20, maxRetained / ROWS);

        assertThat(problems).isEmpty();
        assertThat(read).isEqualTo(ROWS);
        assertThat(accepted).isEqualTo(ROWS - ROWS / BAD_EVERY);
        assertThat(maxRetained).isLessThan(MAX_RETAINED_BYTES_PER_ROW * ROWS);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The header, then rows numbered 2 to ROWS + 1, every {@link #BAD_EVERY}th bad in the next of {@link #FAULTS}' ways. */
    private static void write(Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            out.write(String.join(",", OrderFileItemReader.COLUMNS) + "\n");
            StringBuilder line = new StringBuilder(200);
            for (int row = 2; row < ROWS + 2; row++) {
                String fault = row % BAD_EVERY == 0 ? FAULTS.get(row / BAD_EVERY % FAULTS.size()) : "";
                line.setLength(0);
                line.append(fault.equals("duplicate") ? "T-" + (row - 1) : fault.equals("empty") ? "" : "T-" + row)
                        .append(",Asha Gupta ").append(row % 97).append(",98100").append(10_000 + row % 90_000)
                        .append(",\"").append(row % 300).append(", Lajpat Nagar\",1100").append(10 + row % 90)
                        .append(",28.").append(5000 + row % 3000).append(",77.").append(1000 + row % 2000)
                        .append(',').append(fault.equals("weight") ? "12 kg" : String.valueOf(1 + row % 500))
                        .append(",0.2,").append(fault.equals("window") ? "25:00" : "09:00").append(",12:00,10,3,")
                        .append(fault.equals("depot") ? "D9" : "D1").append(",GENERAL\n");
                out.append(line);
            }
        }
    }
}
