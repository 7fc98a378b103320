package dev.routeplan.batch.publish;

import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.planning.csv.CsvTable;
import java.util.List;

/** The content of one of the run's CSV files, written the project's one way ({@link CsvTable}). */
final class CsvOutput {

    private CsvOutput() {
    }

    static OutputFiles.Content of(List<String> header, List<? extends CsvRow> rows) {
        return out -> CsvTable.writeOutput(out, header, rows.stream().map(CsvRow::fields).toList());
    }
}
