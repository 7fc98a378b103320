package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Broken files in the inbox are refused whole with a reason; the good ones are still taken in. */
@PlanJobTest
class BadInputFilesTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesUnreadableFilesWholeAndTakesInTheRest(SampleDay sampleDay) throws Exception {
        // given the samples plus a truncated gzip, binary garbage and a semicolon-separated file
        LocalDate date = LocalDate.of(2026, 12, 23);
        Path input = sampleDay.input();
        byte[] gzip = Files.readAllBytes(Path.of("../batch-jobs/src/test/resources/ingest-corpus")
                .resolve(goodGzipName()));
        Files.write(input.resolve("orders-truncated.csv.gz"), Arrays.copyOf(gzip, gzip.length / 2));
        Files.write(input.resolve("orders-garbage.csv"), new byte[] {0x00, 0x13, (byte) 0xff, 0x7f, 0x00, 0x42, 0x00});
        Files.writeString(input.resolve("orders-semicolon.csv"), String.join(";", dev.routeplan.batch.ingest.OrderFileItemReader.COLUMNS)
                + "\nORD-9;x;;y;110001;28.6;77.2;10;0.1;09:00;12:00;10;3;D1;GENERAL\n");

        // when
        JobExecution execution = sampleDay.ingest(date);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> status = jdbc.sql("select file_name, coalesce(reject_code, status) from input_files where plan_date = ?")
                .param(date).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(status).containsEntry("orders.csv", "INGESTED")
                .containsEntry("orders-truncated.csv.gz", "TRUNCATED_GZIP")
                .containsEntry("orders-semicolon.csv", "WRONG_DELIMITER");
        assertThat(status.get("orders-garbage.csv")).isIn("BINARY_CONTENT", "NOT_UTF8");
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ?").param(date).query(Long.class).single())
                .isEqualTo(300);
        List<String> fileRejects = jdbc.sql("select message from order_rejects where plan_date = ? and row_number = 0")
                .param(date).query(String.class).list();
        assertThat(fileRejects).hasSize(3).allSatisfy(message -> assertThat(message).startsWith("orders-"));
    }

    private static String goodGzipName() throws Exception {
        try (var files = Files.list(Path.of("../batch-jobs/src/test/resources/ingest-corpus"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv.gz") && !n.contains("trunc"))
                    .findFirst().orElseThrow();
        }
    }
}
