package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file from outside in the formats senders use: CSV, gzip-compressed CSV and XLSX,
 * chosen by the name the sender gave the file. The one way in for every input file: its size is
 * checked before a byte is read, binary data and UTF-16 are refused, CSV text is decoded as
 * strict UTF-8 with a bound on the length of a row.
 */
final class SheetFiles {

    private static final int SNIFF_BYTES = 8192;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private enum Format { CSV, CSV_GZ, XLSX }

    private SheetFiles() {
    }

    /**
     * The rows of a file, header included, in the format its name says.
     *
     * @param fileName     the sender's name of the file; it decides the format
     * @param path         where the file is staged, whatever its name there
     * @param maxFileBytes a file above this size is refused unread
     * @param xlsxSheet    the sheet read from a workbook; blank means the first
     * @throws UnreadableFileException when the file cannot be read at all
     */
    static SheetRows open(String fileName, Path path, long maxFileBytes, String xlsxSheet) {
        Format format = formatOf(fileName);
        checkSize(fileName, path, maxFileBytes);
        return switch (format) {
            case XLSX -> {
                checkMagic(fileName, path, ZIP_MAGIC, "an XLSX workbook (a zip file)");
                yield new XlsxSheetRows(fileName, path.toFile(), xlsxSheet);
            }
            case CSV -> new CsvSheetRows(fileName, textContent(fileName, path, false));
            case CSV_GZ -> {
                checkMagic(fileName, path, GZIP_MAGIC, "gzip-compressed");
                yield new CsvSheetRows(fileName, textContent(fileName, path, true));
            }
        };
    }

    private static Format formatOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".csv.gz")) {
            return Format.CSV_GZ;
        }
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        throw new UnreadableFileException(Reason.UNSUPPORTED_FORMAT, fileName, 0,
                "is not a .csv, .csv.gz or .xlsx file");
    }

    /** From the size alone, so an oversized file is refused without reading a byte of it. */
    private static void checkSize(String fileName, Path path, long maxFileBytes) {
        long size = size(fileName, path);
        if (size > maxFileBytes) {
            throw new UnreadableFileException(Reason.FILE_TOO_LARGE, fileName, 0,
                    "is " + size + " bytes, above the limit of " + maxFileBytes + " bytes");
        }
        if (size == 0) {
            throw new UnreadableFileException(Reason.EMPTY_FILE, fileName, 0, "is empty (0 bytes)");
        }
    }

    private static long size(String fileName, Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UnreadableFileException(Reason.READ_FAILED, fileName, 0, "could not be read: " + e, e);
        }
    }

    private static void checkMagic(String fileName, Path path, byte[] magic, String expected) {
        byte[] start;
        try (InputStream in = Files.newInputStream(path)) {
            start = in.readNBytes(magic.length);
        } catch (IOException e) {
            throw new UnreadableFileException(Reason.READ_FAILED, fileName, 0, "could not be read: " + e, e);
        }
        if (!Arrays.equals(start, magic)) {
            throw new UnreadableFileException(Reason.WRONG_FORMAT, fileName, 0,
                    "is not " + expected + " as its name says");
        }
    }

    /**
     * The text of a CSV file, decompressed if need be, after a look at its first 8 KB: a file
     * with NUL or many other control bytes is binary (a PDF or a zip renamed .csv) and would
     * otherwise surface as a puzzling CSV or encoding error.
     */
    private static InputStream textContent(String fileName, Path path, boolean gzipped) {
        InputStream in = null;
        try {
            in = Files.newInputStream(path);
            if (gzipped) {
                in = new GZIPInputStream(in, 65536);
            }
            in = new BufferedInputStream(in, 65536);
            in.mark(SNIFF_BYTES);
            byte[] start = in.readNBytes(SNIFF_BYTES);
            in.reset();
            if (start.length == 0) {
                throw new UnreadableFileException(Reason.EMPTY_FILE, fileName, 0, "has no content once decompressed");
            }
            if (start.length >= 2 && (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE
                    || start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)) {
                // Excel's "Unicode Text" export; its NUL bytes would otherwise read as binary
                throw new UnreadableFileException(Reason.NOT_UTF8, fileName, 0, "is UTF-16 text; save it as CSV UTF-8");
            }
            if (looksBinary(start)) {
                throw new UnreadableFileException(Reason.BINARY_CONTENT, fileName, 0,
                        "holds binary data, not CSV text (another kind of file renamed?)");
            }
            return in;
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            Reason reason = e instanceof java.io.EOFException ? Reason.TRUNCATED_GZIP
                    : gzipped ? Reason.CORRUPT_GZIP : Reason.READ_FAILED;
            throw new UnreadableFileException(reason, fileName, 0, "could not be read: " + e, e);
        }
    }

    private static boolean looksBinary(byte[] start) {
        int control = 0;
        for (byte b : start) {
            if (b == 0) {
                return true;
            }
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                control++;
            }
        }
        // text may carry the odd stray control byte; binary data has them everywhere
        return control > start.length / 100;
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing; the first problem is the one to report
            }
        }
    }
}
