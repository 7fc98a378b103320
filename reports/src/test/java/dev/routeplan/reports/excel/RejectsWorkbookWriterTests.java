package dev.routeplan.reports.excel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.reports.Workbooks;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class RejectsWorkbookWriterTests {

    @Test
    void givesTheSenderTheirRowsUnderAFrozenHeaderWithFormulasDisarmed() throws Exception {
        // given
        List<String> header = List.of("row", "order_id", "reason_codes", "message", "customer_name");
        List<List<String>> rows = List.of(List.of("7", "ORD-7", "BAD_PINCODE", "pincode 99 is not in Delhi", "=cmd|' /C calc'!A0"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        new RejectsWorkbookWriter().write(header, rows, out);

        // then
        try (XSSFWorkbook workbook = Workbooks.read(out.toByteArray())) {
            XSSFSheet sheet = workbook.getSheet("Rejected rows");
            assertThat(Workbooks.texts(sheet.getRow(0))).isEqualTo(header);
            assertThat(Workbooks.texts(sheet.getRow(1)))
                    .containsExactly("7", "ORD-7", "BAD_PINCODE", "pincode 99 is not in Delhi", "'=cmd|' /C calc'!A0");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
        }
    }
}
