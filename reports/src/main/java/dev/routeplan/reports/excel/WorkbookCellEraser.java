package dev.routeplan.reports.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Erases a person from rows of a workbook someone else wrote (a staged order file): their name and
 * address cells say so, their phone cell is emptied, and nothing of them is left in the file's
 * shared texts. Here because every workbook routeplan writes is written in this module.
 */
public final class WorkbookCellEraser {

    /** The columns (0-based) of the name, the address and the phone. */
    public record Cells(int name, int address, int phone) {
    }

    private WorkbookCellEraser() {
    }

    /**
     * Writes {@code workbookFile} to {@code target} with the rows' cells erased (row numbers as the
     * sheet shows them, header row 1), on the sheet named as Excel matches names, else the first.
     * The cells are changed in the workbook's model and it is saved whole: styles, other sheets and other
     * cells are POI's round trip of the original. A workbook keeps its texts in one shared table,
     * and POI adds to that table but never takes out, so a name would live on there after its cell
     * changed; every text no cell uses any more is emptied before saving.
     *
     * @throws IllegalStateException when a row has no phone any more, or the sheet is gone: the
     *         workbook changed since its rows were found, and nothing is written
     */
    public static void erase(Path workbookFile, Path target, String sheetName, Collection<Integer> rowNumbers, Cells erase,
                             String erased) throws IOException {
        try (InputStream in = Files.newInputStream(workbookFile); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = sheet(workbook, sheetName);
            for (int rowNumber : rowNumbers) {
                Row row = sheet.getRow(rowNumber - 1);
                Cell phone = row == null ? null : row.getCell(erase.phone());
                if (phone == null || phone.getCellType() == CellType.BLANK) {
                    throw new IllegalStateException("row " + rowNumber + " has no phone where one was found");
                }
                replace(row.getCell(erase.name()), erased);
                replace(row.getCell(erase.address()), erased);
                replace(phone, "");
            }
            forgetUnusedTexts(workbook);
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        }
    }

    /** The sheet the reader reads: the one configured (named as Excel does, in any case), else the first. */
    private static XSSFSheet sheet(XSSFWorkbook workbook, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return workbook.getSheetAt(0);
        }
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.getSheetName(i).equalsIgnoreCase(wanted.trim())) {
                return workbook.getSheetAt(i);
            }
        }
        throw new IllegalStateException("the sheet \"" + wanted + "\" is gone");
    }

    private static void replace(Cell cell, String value) {
        if (cell == null) {
            return;
        }
        // a formula would keep the person in its text and give them back on the next recalculation
        if (cell.getCellType() == CellType.FORMULA) {
            cell.removeFormula();
        }
        if (value.isEmpty()) {
            cell.setBlank();
        } else {
            cell.setCellValue(value);
        }
    }

    /**
     * Empties each shared text that no cell of any sheet refers to: the erased ones, and any a
     * writer like POI left behind, which may hold the person too. A text still used elsewhere (a
     * neighbour with the same address) stays for that cell.
     */
    private static void forgetUnusedTexts(XSSFWorkbook workbook) {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            for (Row row : workbook.getSheetAt(i)) {
                for (Cell cell : row) {
                    CTCell ct = ((XSSFCell) cell).getCTCell();
                    if (ct.getT() == STCellType.S && ct.isSetV()) {
                        used.add(Integer.parseInt(ct.getV()));
                    }
                }
            }
        }
        List<RichTextString> texts = workbook.getSharedStringSource().getSharedStringItems();
        for (int index = 0; index < texts.size(); index++) {
            if (used.contains(index)) {
                continue;
            }
            // the table's own XML, so the change is what gets saved
            CTRst text = ((XSSFRichTextString) texts.get(index)).getCTRst();
            while (text.sizeOfRArray() > 0) {
                text.removeR(0);
            }
            // phonetic runs spell a name out again, for Japanese readings
            while (text.sizeOfRPhArray() > 0) {
                text.removeRPh(0);
            }
            text.setT("");
        }
    }
}
