package dev.routeplan.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading back what the writers wrote, the way a planner's Excel would. */
public final class Workbooks {

    private Workbooks() {
    }

    public static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    public static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    public static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    public static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row labelled " + label + " in " + sheet.getSheetName());
    }

    public static Cell valueNextTo(Sheet sheet, String label) {
        Cell value = rowStartingWith(sheet, label).getCell(1);
        assertThat(value).as("value of " + label + " at " + new CellReference(sheet.getSheetName(), 0, 1, false, false))
                .isNotNull();
        return value;
    }

    /** Where each formula cell is, as {@code Sheet!A1}: the writers write none, so no sender's text runs as one. */
    public static List<String> formulaCells(Workbook wb) {
        List<String> formulas = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas.add(sheet.getSheetName() + "!" + cell.getAddress());
                    }
                }
            }
        }
        return formulas;
    }

    public static String autoFilter(XSSFSheet sheet) {
        return sheet.getCTWorksheet().getAutoFilter().getRef();
    }

    public static List<XSSFPicture> pictures(XSSFSheet sheet) {
        List<XSSFPicture> pictures = new ArrayList<>();
        if (sheet.getDrawingPatriarch() != null) {
            for (XSSFShape shape : sheet.getDrawingPatriarch().getShapes()) {
                if (shape instanceof XSSFPicture picture) {
                    pictures.add(picture);
                }
            }
        }
        return pictures;
    }
}
