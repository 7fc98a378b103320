package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.OrderFileItemReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Test workbooks: written with POI's DOM writer, or altered entry by entry as a plain zip. */
final class Workbooks {

    static final List<String> HEADER = OrderFileItemReader.COLUMNS;

    private Workbooks() {
    }

    static void header(Sheet sheet) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < HEADER.size(); i++) {
            row.createCell(i).setCellValue(HEADER.get(i));
        }
    }

    static Path save(Workbook workbook, Path file) throws IOException {
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    /** A copy of a workbook with one entry's content replaced, zipped again with java.util.zip. */
    static Path withEntry(Path workbook, String entryName, byte[] content, Path copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(workbook));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    out.write(content);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    /**
     * A copy of a workbook whose first sheet is one text cell, A1, written as raw XML so a test can
     * put in what no writer would: {@code prolog} goes before the root element (a DOCTYPE, or "").
     */
    static Path withFirstSheet(Path workbook, String prolog, String a1Text, Path copy) throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + a1Text + "</t></is></c></row>"
                + "</sheetData></worksheet>";
        return withEntry(workbook, "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8), copy);
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
