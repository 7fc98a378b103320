package dev.routeplan.batch.publish;

import java.util.List;

/** A row of one of the run's CSV files, as the values of its columns in header order. */
interface CsvRow {

    /** Text values pass the spreadsheet formula guard when written; numbers are written as they are. */
    List<Object> fields();
}
