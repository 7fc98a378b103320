package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The rows of one sheet of an XLSX workbook, streamed. POI's SAX parser pushes rows, a reader
 * pulls them, so the parse runs on its own thread and hands rows over through a small bounded
 * queue: memory stays at a few hundred rows whatever the size of the sheet (a workbook DOM of a
 * 200,000-row sheet takes gigabytes). Cells come out as the text the sender sees in Excel;
 * formulas give their cached result and are never evaluated.
 */
final class XlsxSheetRows implements SheetRows {

    static {
        // POI keeps these limits per JVM. A real sheet inflates 5-30 times; refusing more than
        // 100 times (and entries above 1 GiB whatever their ratio) stops zip bombs before they
        // fill the heap or the disk. They only apply to reading, so report writing is unaffected.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(1L << 30);
    }

    private static final int QUEUE_ROWS = 256;
    private static final long POLL_MILLIS = 100;

    /** What the parse thread hands over: a row, the end of the sheet, or why it stopped. */
    private sealed interface Item permits RowItem, End, Failure {
    }

    private record RowItem(SheetRow row) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(Exception cause) implements Item {
    }

    /** Thrown inside the parse when the reader has been closed, to unwind POI's parser. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final String fileName;
    private final OPCPackage workbook;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
    private final Thread parseThread;
    private volatile boolean closed;
    private boolean finished;
    private int lastRow;

    XlsxSheetRows(String fileName, File file, String sheetName) {
        this.fileName = fileName;
        OPCPackage opened = null;
        try {
            opened = OPCPackage.open(file, PackageAccess.READ);
            XSSFReader reader = new XSSFReader(opened);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(opened, false);
            StylesTable styles = reader.getStylesTable();
            InputStream sheet = selectSheet(reader, sheetName);
            XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(),
                    new AsTypedFormatter(), false);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            this.workbook = opened;
            this.parseThread = new Thread(() -> parse(parser, sheet), "xlsx-rows-" + fileName);
        } catch (UnreadableFileException e) {
            revert(opened);
            throw e;
        } catch (Exception | LinkageError e) {
            revert(opened);
            throw problem(e, 0);
        }
        parseThread.setDaemon(true);
        parseThread.start();
    }

    private InputStream selectSheet(XSSFReader reader, String sheetName) throws Exception {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        List<String> names = new ArrayList<>();
        while (sheets.hasNext()) {
            InputStream sheet = sheets.next();
            // Excel itself treats sheet names case-insensitively
            if (sheetName == null || sheetName.isBlank() || sheets.getSheetName().equalsIgnoreCase(sheetName.trim())) {
                return sheet;
            }
            names.add(sheets.getSheetName());
            sheet.close();
        }
        throw new UnreadableFileException(Reason.MISSING_SHEET, fileName, 0, names.isEmpty() ? "the workbook has no sheet"
                : "has no sheet \"" + sheetName + "\"; its sheets are " + String.join(", ", names));
    }

    private void parse(XMLReader parser, InputStream sheet) {
        try (sheet) {
            parser.parse(new InputSource(sheet));
            handOver(new End());
        } catch (Cancelled e) {
            // the reader was closed early; nobody waits for more rows
        } catch (Exception | StackOverflowError e) {
            if (!closed) {
                handOverQuietly(new Failure(e instanceof Exception ex ? ex : new RuntimeException(e)));
            }
        }
    }

    private void handOver(Item item) throws InterruptedException {
        while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (closed) {
                throw new Cancelled();
            }
        }
    }

    private void handOverQuietly(Item item) {
        try {
            handOver(item);
        } catch (InterruptedException | Cancelled e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public SheetRow next() {
        if (finished) {
            return null;
        }
        Item item = take();
        if (item instanceof RowItem rowItem) {
            lastRow = rowItem.row().rowNumber();
            return rowItem.row();
        }
        finished = true;
        if (item instanceof Failure failure) {
            throw problem(failure.cause(), lastRow + 1);
        }
        return null;
    }

    private Item take() {
        try {
            while (true) {
                Item item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                // the thread always hands over an end or a failure; this only guards against a bug
                if (!parseThread.isAlive() && queue.isEmpty()) {
                    return new Failure(new IllegalStateException("the sheet reader stopped without a result"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            parseThread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        revert(workbook);
    }

    /** Read-only packages are closed with revert(): close() would try to save them. */
    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }

    /** Names the problem for the sender: an unsafe workbook is told apart from a damaged one. */
    private UnreadableFileException problem(Throwable e, int row) {
        if (e instanceof UnreadableFileException unreadable) {
            return unreadable;
        }
        if (e instanceof InterruptedException) {
            return new UnreadableFileException(Reason.READ_FAILED, fileName, row, "reading was interrupted", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            // POI's words for its zip limits and the XML parser's for DOCTYPEs and entity expansion
            if (message.contains("zip bomb") || message.contains("potentially malicious") || message.contains("doctype")
                    || message.contains("entity")) {
                return new UnreadableFileException(Reason.UNSAFE_XLSX, fileName, row,
                        "refused as unsafe (a zip bomb or an XML DOCTYPE/entity): " + t.getMessage(), e);
            }
        }
        return new UnreadableFileException(Reason.UNREADABLE_XLSX, fileName, row,
                "is not a readable XLSX workbook: " + e, e);
    }

    /** Collects the cells of each row; blank rows are left out, as Excel leaves out formatted-but-empty rows. */
    private final class RowCollector implements SheetContentsHandler {
        private List<String> cells = new ArrayList<>();
        private boolean blank = true;

        @Override
        public void startRow(int rowIndex) {
            cells = new ArrayList<>();
            blank = true;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (closed) {
                throw new Cancelled();
            }
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            String value = formattedValue == null ? "" : formattedValue;
            if (column < cells.size()) {
                cells.set(column, value);
            } else {
                cells.add(value);
            }
            blank &= value.isBlank();
        }

        @Override
        public void endRow(int rowIndex) {
            if (blank) {
                return;
            }
            try {
                // POI counts rows from 0; the sender sees them from 1
                handOver(new RowItem(new SheetRow(rowIndex + 1, List.copyOf(cells))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }

    /**
     * Formats cells as Excel shows them (dates, times, percentages), except numbers in the
     * General format: Excel shows those rounded to the column width, but a latitude typed as
     * 28.5677123 must arrive as typed, so they come out in full.
     */
    private static final class AsTypedFormatter extends DataFormatter {
        AsTypedFormatter() {
            super(Locale.ENGLISH);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
