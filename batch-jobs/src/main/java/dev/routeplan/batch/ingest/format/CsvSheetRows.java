package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file (RFC 4180, UTF-8 with or without BOM), from a plain or an already
 * decompressing stream. Values are kept exactly as written, spaces included, so that the raw
 * line given back in a reject is the sender's own; trimming is the validator's business.
 */
final class CsvSheetRows implements SheetRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /**
     * No order row comes near this. Without a bound, one quote left open near the top of a 2 GB
     * file makes the parser gather the rest of the file into one value, and the job runs out of
     * memory; a row past it is cut short by {@link RowLengthLimit} and handed out as
     * {@link SheetRow#tooLong}, and the rows after it are read on.
     */
    static final int MAX_ROW_CHARS = 1 << 20;

    private final String fileName;
    private final RowLengthLimit limit;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int lastRow;

    CsvSheetRows(String fileName, InputStream content) {
        this.fileName = fileName;
        try {
            this.limit = new RowLengthLimit(new StrictUtf8Reader(content), MAX_ROW_CHARS);
            this.parser = CSVParser.builder().setReader(limit).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw problem(e);
        }
        this.records = parser.iterator();
    }

    @Override
    public SheetRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            // Commons CSV counts records from 1 and the header is a record here, so this is the
            // spreadsheet row, except that blank lines (skipped) and line breaks inside quoted
            // values are not counted, the same as the reader before this one.
            lastRow = (int) record.getRecordNumber();
            int cutCell = limit.cutCell(record.getRecordNumber());
            if (cutCell >= 0) {
                return SheetRow.tooLong(lastRow, cutCell);
            }
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new SheetRow(lastRow, cells);
        } catch (UncheckedIOException e) {
            throw problem(e.getCause());
        }
    }

    private UnreadableFileException problem(IOException e) {
        int row = lastRow + 1;
        if (e instanceof StrictUtf8Reader.NotUtf8Exception notUtf8) {
            // the decoder reads ahead of the parser, so its own line count names the row, not ours
            return new UnreadableFileException(Reason.NOT_UTF8, fileName, (int) notUtf8.line, notUtf8.getMessage(), e);
        }
        if (e instanceof EOFException) {
            return new UnreadableFileException(Reason.TRUNCATED_GZIP, fileName, row,
                    "the compressed file ends early (cut off in transfer?): " + e.getMessage(), e);
        }
        if (e instanceof ZipException) {
            return new UnreadableFileException(Reason.CORRUPT_GZIP, fileName, row,
                    "the compressed data is damaged: " + e.getMessage(), e);
        }
        if (e instanceof RowLengthLimit.QuoteNeverClosedException neverClosed) {
            return new UnreadableFileException(Reason.MALFORMED_CSV, fileName, (int) neverClosed.row, e.getMessage(), e);
        }
        if (e instanceof org.apache.commons.csv.CSVException) {
            return new UnreadableFileException(Reason.MALFORMED_CSV, fileName, row,
                    "not well-formed CSV (a quote not closed or text after a closing quote?): " + e.getMessage(), e);
        }
        return new UnreadableFileException(Reason.READ_FAILED, fileName, row, "could not be read: " + e, e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to read from it; a failed close loses no data
        }
    }
}
