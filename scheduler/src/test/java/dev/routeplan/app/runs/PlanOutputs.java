package dev.routeplan.app.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a run's output folder the way a planner's script would. */
record PlanOutputs(Path dir) {

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

    /** The workbook as Excel opens it; the caller closes it. */
    XSSFWorkbook workbook(String name) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return new XSSFWorkbook(in);
        }
    }
}
