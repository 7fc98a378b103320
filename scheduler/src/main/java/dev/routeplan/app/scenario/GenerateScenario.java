package dev.routeplan.app.scenario;

import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.sample.ScenarioWriter;
import dev.routeplan.reports.excel.OrdersWorkbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Writes a synthetic Delhi scenario of the same shape as {@code samples/}, seeded and repeatable.
 * It needs neither the database nor the application: the command line makes its own.
 */
@Service
public class GenerateScenario {

    /** How the orders are written; fleet and depots are always CSV. */
    public enum OrdersFormat {
        CSV, XLSX
    }

    /** What was written, and where. */
    public record GeneratedScenario(ScenarioSpec spec, Path folder, List<Path> files) {
        public GeneratedScenario {
            files = List.copyOf(files);
        }
    }

    public GeneratedScenario generate(ScenarioSpec spec, Path folder, OrdersFormat format) throws IOException {
        ScenarioWriter.write(ScenarioGenerator.generate(spec), folder);
        Path orders = folder.resolve(ScenarioWriter.ORDERS_FILE);
        if (format == OrdersFormat.XLSX) {
            Path workbook = folder.resolve("orders.xlsx");
            OrdersWorkbook.convert(orders, workbook);
            Files.delete(orders);
            orders = workbook;
        }
        return new GeneratedScenario(spec, folder, List.of(orders, folder.resolve(ScenarioWriter.FLEET_FILE),
                folder.resolve(ScenarioWriter.DEPOTS_FILE)));
    }
}
