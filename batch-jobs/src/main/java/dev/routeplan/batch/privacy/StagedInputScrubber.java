package dev.routeplan.batch.privacy;

import dev.routeplan.batch.ingest.OrderRow;
import dev.routeplan.batch.ingest.format.OrderFileSettings;
import dev.routeplan.batch.ingest.format.OrderFiles;
import dev.routeplan.batch.ingest.format.OrderRowSource;
import dev.routeplan.reports.excel.WorkbookCellEraser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Erases one person from an orders file kept in staging: in each row whose phone is theirs, the
 * customer's name and address become {@value #ERASED} and the phone is emptied. Everything else
 * stays as it was, so that a re-run of the plan date reads the same orders under the same row
 * numbers, and rejects reported earlier still point at their rows.
 *
 * <p>Rows are found by the ingest's own reader ({@link OrderFiles}): the same header names,
 * aliases, sheet and row numbers, and the phone cell's text exactly as ingest sees it, so that
 * what is erased is what was taken in. A CSV file is then copied through as text, only the
 * matching records written anew; an XLSX workbook is loaded whole, its cells changed, and saved.
 */
public final class StagedInputScrubber {

    /** What an erased name or address reads as, so a planner sees why the cell says nothing useful. */
    public static final String ERASED = "(erased)";

    /** As {@code CsvSheetRows} reads: its record numbers are the ingest's row numbers. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /**
     * What was erased.
     *
     * @param fileName   the sender's name of the file
     * @param rowNumbers the rows changed, as the ingest numbers them (header row 1), in file order;
     *                   empty when the person is not in the file, which then is not written at all
     */
    public record Scrubbed(String fileName, List<Integer> rowNumbers) {

        public Scrubbed {
            rowNumbers = List.copyOf(rowNumbers);
        }

        public int rows() {
            return rowNumbers.size();
        }
    }

    private enum Format { CSV, CSV_GZ, XLSX }

    private final OrderFileSettings settings;
    private final OrderFiles orderFiles;

    /** @param settings the ingest's own, so that aliases, sheet and size limit are the ones the file was read with */
    public StagedInputScrubber(OrderFileSettings settings) {
        this.settings = settings;
        this.orderFiles = new OrderFiles(settings);
    }

    /**
     * Erases the person from one staged file, in place.
     *
     * @param stagedFile  where the file is staged
     * @param fileName    the sender's name of the file: it decides the format and names the file in errors
     * @param isTheirPhone whether a row's phone cell, as written, is the person's; not asked of empty cells
     * @throws dev.routeplan.batch.ingest.format.UnreadableFileException when the ingest's reader would
     *         refuse the file (no header, not UTF-8, not a workbook...); the file is then left as it is
     * @throws UncheckedIOException when the file cannot be read or written; it is then left as it is
     * @throws IllegalStateException when the file changed between finding the rows and erasing them
     */
    public Scrubbed scrub(Path stagedFile, String fileName, Predicate<String> isTheirPhone) {
        // the rows are found before anything is written: an unreadable file fails here, untouched
        Map<Integer, String> phoneByRow = matchingRows(stagedFile, fileName, isTheirPhone);
        if (phoneByRow.isEmpty()) {
            return new Scrubbed(fileName, List.of());
        }
        Map<String, Integer> columns = orderFiles.columnPositions(fileName, stagedFile);
        Columns erase = new Columns(columns.get("customer_name"), columns.get("address"), columns.get("phone"));
        Path temporary = null;
        try {
            Path folder = stagedFile.toAbsolutePath().getParent();
            temporary = Files.createTempFile(folder, "." + stagedFile.getFileName(), ".scrub.part");
            keepPermissions(stagedFile, temporary);
            Format format = formatOf(fileName);
            if (format == Format.XLSX) {
                try {
                    WorkbookCellEraser.erase(stagedFile, temporary, settings.xlsxSheet(), phoneByRow.keySet(),
                            new WorkbookCellEraser.Cells(erase.name(), erase.address(), erase.phone()), ERASED);
                } catch (IllegalStateException changed) {
                    throw changedMeanwhile(fileName, changed.getMessage());
                }
            } else {
                rewriteCsv(stagedFile, fileName, temporary, erase, phoneByRow, format == Format.CSV_GZ);
            }
            // a reader opening the file meanwhile sees the whole old file or the whole new one
            Files.move(temporary, stagedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot erase personal data from " + fileName + " (staged as " + stagedFile
                    + "): " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
        return new Scrubbed(fileName, List.copyOf(phoneByRow.keySet()));
    }

    private record Columns(int name, int address, int phone) {
    }

    private Map<Integer, String> matchingRows(Path stagedFile, String fileName, Predicate<String> isTheirPhone) {
        Map<Integer, String> phoneByRow = new TreeMap<>();
        try (OrderRowSource rows = orderFiles.open(0, fileName, stagedFile)) {
            for (OrderRow row = rows.next(); row != null; row = rows.next()) {
                // a row too long to read (OrderRow#tooLongField) has no values: nothing of it was stored either
                String phone = row.values().getOrDefault("phone", "");
                // an erased row has no phone left: skipping blanks keeps a second run from matching it
                if (!phone.isBlank() && isTheirPhone.test(phone)) {
                    phoneByRow.put(row.rowNumber(), phone);
                }
            }
        }
        return phoneByRow;
    }

    private static Format formatOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        // the reader has already refused any other name, so this only tells its three formats apart
        return name.endsWith(".xlsx") ? Format.XLSX : name.endsWith(".csv.gz") ? Format.CSV_GZ : Format.CSV;
    }

    /**
     * Copies the file's text through untouched except for the matching records, so that quoting,
     * blank lines, line endings and a byte order mark stay the sender's. Each record's text runs
     * from where the parser says it starts to where the next one starts: any blank lines before it,
     * the record, and its line ending; only the middle part is replaced.
     */
    private static void rewriteCsv(Path stagedFile, String fileName, Path temporary, Columns erase,
                                   Map<Integer, String> phoneByRow, boolean gzipped) throws IOException {
        int rewritten = 0;
        try (InputStream raw = Files.newInputStream(stagedFile);
             RecordingReader text = new RecordingReader(new InputStreamReader(gzipped ? new GZIPInputStream(raw, 65536) : raw,
                     StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                             .onUnmappableCharacter(CodingErrorAction.REPORT)));
             CSVParser parser = CSVParser.builder().setReader(text).setFormat(CSV).get();
             OutputStream file = Files.newOutputStream(temporary);
             OutputStream out = gzipped ? new GZIPOutputStream(file, 65536) : file;
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            CSVRecord pending = null;
            try {
                for (CSVRecord record : parser) {
                    if (pending != null) {
                        rewritten += copy(pending, text.takeUntil(record.getCharacterPosition()), writer, erase, phoneByRow,
                                fileName);
                    }
                    pending = record;
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            String rest = text.takeRest();
            if (pending != null) {
                rewritten += copy(pending, rest, writer, erase, phoneByRow, fileName);
            } else {
                writer.write(rest);
            }
        }
        if (rewritten != phoneByRow.size()) {
            throw changedMeanwhile(fileName, "rows " + phoneByRow.keySet() + " were found but only " + rewritten
                    + " of them rewritten");
        }
    }

    /** @return 1 when the record was one to erase, else 0 */
    private static int copy(CSVRecord record, String text, Writer writer, Columns erase, Map<Integer, String> phoneByRow,
                            String fileName) throws IOException {
        int rowNumber = (int) record.getRecordNumber();
        String phone = phoneByRow.get(rowNumber);
        if (phone == null) {
            writer.write(text);
            return 0;
        }
        int start = 0;
        while (start < text.length() && isLineBreak(text.charAt(start))) {
            start++;
        }
        int end = text.length();
        while (end > start && isLineBreak(text.charAt(end - 1))) {
            end--;
        }
        List<String> cells = record.toList();
        // the text cut out must be this very record, or cells of another row would be overwritten
        if (!parseOne(text.substring(start, end)).equals(cells) || !phone.equals(cell(cells, erase.phone()))) {
            throw changedMeanwhile(fileName, "row " + rowNumber + " is not where it was found");
        }
        List<String> erased = new ArrayList<>(cells);
        // a row shorter than the header has no cell to erase there, and gains none
        set(erased, erase.name(), ERASED);
        set(erased, erase.address(), ERASED);
        set(erased, erase.phone(), "");
        String line = CSV.format(erased.toArray());
        if (!parseOne(line).equals(erased)) {
            throw new IllegalStateException(fileName + " row " + rowNumber + ": the erased row does not read back as written");
        }
        writer.write(text, 0, start);
        writer.write(line);
        writer.write(text, end, text.length() - end);
        return 1;
    }

    private static List<String> parseOne(String line) throws IOException {
        try (CSVParser parser = CSVParser.parse(line, CSV)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? records.get(0).toList() : List.of();
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static void set(List<String> cells, int index, String value) {
        if (index < cells.size()) {
            cells.set(index, value);
        }
    }

    private static IllegalStateException changedMeanwhile(String fileName, String what) {
        return new IllegalStateException(fileName + " changed while its personal data was being erased (" + what
                + "); nothing was written, try again");
    }

    /** The staged file's own permissions, rather than the temporary file's owner-only ones. */
    private static void keepPermissions(Path from, Path to) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies to both
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover hidden .part holds the erased version at most; the original is whole either way
            }
        }
    }

    /**
     * Keeps every character the parser reads until it is taken, so that records can be copied as
     * written. The parser reads ahead of the record it returns, so what is kept is a buffer's
     * worth plus one record, whatever the size of the file.
     */
    private static final class RecordingReader extends Reader {
        private final Reader in;
        private final StringBuilder kept = new StringBuilder();
        private long keptFrom;

        RecordingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                kept.append(buffer, offset, n);
            }
            return n;
        }

        /** The text from the end of what was last taken up to {@code position}, counted from the file's first character. */
        String takeUntil(long position) {
            int length = Math.toIntExact(position - keptFrom);
            String taken = kept.substring(0, length);
            kept.delete(0, length);
            keptFrom = position;
            return taken;
        }

        /** All the rest of the file. */
        String takeRest() throws IOException {
            char[] buffer = new char[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // kept by read
            }
            return takeUntil(keptFrom + kept.length());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
