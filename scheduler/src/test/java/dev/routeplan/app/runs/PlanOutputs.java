package dev.routeplan.app.runs;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a run's output folder the way a planner's script would. */
record PlanOutputs(Path dir) {

    static Path copyOfSamples(Path tempDir) throws IOException {
        Path input = Files.createDirectories(tempDir.resolve("input"));
        try (Stream<Path> files = Files.list(Path.of("../samples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        return input;
    }

    List<Map<String, String>> csv(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(dir.resolve(name));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    String text(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
