package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.ingest.OrderFileItemReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A real line of 2 GiB in an orders file, with good rows before and after it, through the ingest
 * of the nightly job: that row is rejected naming file, row and field, and every other row is
 * taken in. The file is above the default size limit (2 GiB, {@code routeplan.ingest.max-file-bytes}),
 * which would refuse it whole unread; the limit is raised here so the line itself is read. Written
 * to disk and read as a stream: nothing holds the line in memory. About 4.3 GB of temporary disk
 * (the file and its staged copy), deleted after.
 */
@PlanJobTest
@TestPropertySource(properties = "routeplan.ingest.max-file-bytes=4294967296")
class TwoGigabyteLineTests {

    private static final LocalDate DATE = LocalDate.of(2026, 10, 6);
    private static final long LINE_BYTES = 1L << 31;
    private static final int ROWS_AFTER = 1_000;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rejectsTheTwoGigabyteRowAloneAndTakesInTheRowsAfterIt(SampleDay day) throws Exception {
        long start = System.nanoTime();
        Path file = day.input().resolve("orders-2gb-line.csv");
        long giantLine = write(file);
        long written = System.nanoTime();

        JobExecution execution = day.ingest(DATE);

        long ingested = System.nanoTime();
        System.out.printf("TwoGigabyteLineTests: a line of %d bytes in a file of %d bytes; written in %.1f s, ingested in %.1f s%n",
                giantLine, Files.size(file), (written - start) / 1e9, (ingested - written) / 1e9);
        assertThat(giantLine).isGreaterThanOrEqualTo(LINE_BYTES);
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> counts = jdbc.sql("""
                select status, rows_read, rows_accepted, rows_rejected from input_files
                where plan_date = ? and file_name = 'orders-2gb-line.csv'""").param(DATE).query().singleRow();
        assertThat(counts).containsEntry("status", "INGESTED").containsEntry("rows_read", ROWS_AFTER + 2)
                .containsEntry("rows_accepted", ROWS_AFTER + 1).containsEntry("rows_rejected", 1);
        assertThat(jdbc.sql("select row_number, reason_codes, message from order_rejects r join input_files f"
                        + " on f.id = r.file_id where f.file_name = 'orders-2gb-line.csv'")
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly("3 ROW_TOO_LONG orders-2gb-line.csv row 3: address runs on past 1048576 characters,"
                        + " more than a row may have (a quote not closed?); the row was not read");
        List<String> taken = jdbc.sql("select order_id || '@' || row_number from orders where plan_date = ?"
                + " and order_id like 'G-%' order by row_number").param(DATE).query(String.class).list();
        assertThat(taken).containsExactlyElementsOf(IntStream.rangeClosed(2, ROWS_AFTER + 3).filter(row -> row != 3)
                .mapToObj(row -> "G-" + row + "@" + row).toList());
    }

    /**
     * The header, a good row, row 3 whose address is {@link #LINE_BYTES} bytes of text (Devanagari
     * in it, so characters straddle every buffer's end), then good rows; returns row 3's length.
     */
    private static long write(Path file) throws IOException {
        byte[] chunk = addressChunk();
        long line = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((String.join(",", OrderFileItemReader.COLUMNS) + "\n" + good(2)).getBytes(StandardCharsets.UTF_8));
            byte[] start = "G-3,Asha Gupta,9810012345,".getBytes(StandardCharsets.UTF_8);
            byte[] end = ",110024,28.5677,77.2433,12.5,0.2,09:00,12:00,10,3,D1,GENERAL\n".getBytes(StandardCharsets.UTF_8);
            out.write(start);
            for (long i = 0; i < LINE_BYTES / chunk.length; i++) {
                out.write(chunk);
            }
            out.write(end);
            line = start.length + LINE_BYTES + end.length;
            for (int row = 4; row < ROWS_AFTER + 4; row++) {
                out.write(good(row).getBytes(StandardCharsets.UTF_8));
            }
        }
        return line;
    }

    private static String good(int row) {
        return "G-" + row + ",Ravi Kumar,9810012346,Karol Bagh,110005,28.6519,77.1909,8,0.1,10:00,13:00,5,2,D1,MILK\n";
    }

    /** 1 MiB of address text without a comma, quote or line break, in whole UTF-8 characters. */
    private static byte[] addressChunk() {
        byte[] pattern = "Gali No. 7 सदर बाज़ार दिल्ली ".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[1 << 20];
        int at = 0;
        while (at + pattern.length <= chunk.length) {
            System.arraycopy(pattern, 0, chunk, at, pattern.length);
            at += pattern.length;
        }
        java.util.Arrays.fill(chunk, at, chunk.length, (byte) 'x');
        return chunk;
    }
}
