package dev.routeplan.batch.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.ingest.IngestProperties;
import dev.routeplan.batch.ingest.InputFileException;
import dev.routeplan.batch.ingest.ServiceArea;
import dev.routeplan.batch.ingest.format.InputTables;
import dev.routeplan.batch.ingest.format.UnreadableFileException;
import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fleet, depots, permits and the GRAP calendar come from outside like orders do, and are read
 * through the same hardened reader: a broken file stops the run naming file, row and field.
 */
class MasterDataFilesTests {

    static final ServiceArea DELHI_NCR = ServiceArea.fromWkt(IngestProperties.DELHI_NCR);
    private static final InputTables TABLES = new InputTables(4L << 20);
    private static final FleetFileReader FLEET_READER = new FleetFileReader(TABLES, DELHI_NCR);
    private static final ConditionsFileReader CONDITIONS_READER = new ConditionsFileReader(TABLES);

    /** Each file with a header and one good row whose first text field is {@code NAME}. */
    enum Kind {
        FLEET("fleet.csv", FleetFileReaderTests.HEADER, FleetFileReaderTests.NIGHT_HGV.replace("DRV1", "NAME"),
                "capacity_kg", (path, name) -> FLEET_READER.vehicles(path, name, Set.of("D1"))),
        DEPOTS("depots.csv", "depot_id,name,lat,lon,open,close\n", "D1,NAME,28.53,77.27,06:00,24:00\n", "open",
                FLEET_READER::depots),
        PERMITS("permits.csv", "permit_no,vehicle_id,zones,window_start,window_end,valid_from,valid_to\n",
                "NAME,DL1GC1234,,22:00,06:00,2026-01-01,2026-12-31\n", "window_end", CONDITIONS_READER::permits),
        GRAP("grap.csv", "effective_from,stage,source\n", "2026-01-10 20:00,3,NAME\n", "stage", CONDITIONS_READER::grapCalendar);

        final String fileName;
        final String header;
        final String row;
        final String someColumn;
        final BiFunction<Path, String, List<?>> read;

        Kind(String fileName, String header, String row, String someColumn, BiFunction<Path, String, List<?>> read) {
            this.fileName = fileName;
            this.header = header;
            this.row = row;
            this.someColumn = someColumn;
            this.read = read;
        }
    }

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsAGoodFile(Kind kind) throws IOException {
        Path file = write(kind, (kind.header + kind.row).getBytes(StandardCharsets.UTF_8));

        assertThat(kind.read.apply(file, kind.fileName)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsAFileThatStartsWithAByteOrderMark(Kind kind) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes((kind.header + kind.row).getBytes(StandardCharsets.UTF_8));
        Path file = write(kind, bytes.toByteArray());

        assertThat(kind.read.apply(file, kind.fileName)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsAFileWhoseLinesEndInCrLfAndLfMixed(Kind kind) throws IOException {
        Path file = write(kind, (kind.header.replace("\n", "\r\n") + kind.row).getBytes(StandardCharsets.UTF_8));

        assertThat(kind.read.apply(file, kind.fileName)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesAnEmptyFileNamingIt(Kind kind) throws IOException {
        Path file = write(kind, new byte[0]);

        assertThatThrownBy(() -> kind.read.apply(file, kind.fileName))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_FILE))
                .hasMessage(kind.fileName + ": is empty (0 bytes)");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"FLEET", "DEPOTS"})
    void refusesADepotsOrFleetFileOfAHeaderOnlyNamingIt(Kind kind) throws IOException {
        Path file = write(kind, kind.header.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> kind.read.apply(file, kind.fileName))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_FILE))
                .hasMessageStartingWith(kind.fileName + ": has a header but no ");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"PERMITS", "GRAP"})
    void readsAPermitsOrGrapFileOfAHeaderOnlyAsNone(Kind kind) throws IOException {
        Path file = write(kind, kind.header.getBytes(StandardCharsets.UTF_8));

        assertThat(kind.read.apply(file, kind.fileName)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesAFileThatIsNotUtf8NamingFileAndRow(Kind kind) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((kind.header + kind.row).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(kind.row.replace("NAME", "Ren\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        Path file = write(kind, bytes.toByteArray());

        assertThatThrownBy(() -> kind.read.apply(file, kind.fileName))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_UTF8))
                .hasMessageStartingWith(kind.fileName + " row 3: line 3 is not UTF-8 (byte 0xE9");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesARowThatRunsOnNamingFileAndRow(Kind kind) throws IOException {
        String endless = kind.row.replace("NAME", "\"an opening quote never closed " + "x".repeat(1_100_000));
        Path file = write(kind, (kind.header + kind.row + endless).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> kind.read.apply(file, kind.fileName))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_CSV))
                .hasMessage(kind.fileName + " row 3: a row runs on for more than 1048576 characters (a quote not closed?)");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesAHeaderWithoutAColumnNamingFileRowAndField(Kind kind) throws IOException {
        String header = kind.header.replace(kind.someColumn, "something_else");
        Path file = write(kind, (header + kind.row).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> kind.read.apply(file, kind.fileName))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMNS))
                .hasMessageStartingWith(kind.fileName + " row 1 field " + kind.someColumn + ": missing column(s)");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesAFileAboveTheSizeLimitUnread(Kind kind) throws IOException {
        Path file = write(kind, (kind.header + kind.row).getBytes(StandardCharsets.UTF_8));
        InputTables tiny = new InputTables(10);
        BiFunction<Path, String, List<?>> read = switch (kind) {
            case FLEET -> (p, n) -> new FleetFileReader(tiny, DELHI_NCR).vehicles(p, n, Set.of("D1"));
            case DEPOTS -> new FleetFileReader(tiny, DELHI_NCR)::depots;
            case PERMITS -> new ConditionsFileReader(tiny)::permits;
            case GRAP -> new ConditionsFileReader(tiny)::grapCalendar;
        };

        assertThatThrownBy(() -> read.apply(file, kind.fileName))
                .hasMessageStartingWith(kind.fileName + ": is " + Files.size(file) + " bytes, above the limit of 10 bytes");
    }

    @Test
    void namesFileRowAndFieldOfAPermitWindowThatIsNotATime() throws IOException {
        Path file = write(Kind.PERMITS, (Kind.PERMITS.header + Kind.PERMITS.row.replace("06:00", "6 am"))
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CONDITIONS_READER.permits(file, "permits.csv"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("permits.csv row 2 field window_end: \"6 am\" is not a time H:mm or 24:00");
    }

    @Test
    void readsAPermitFileWithoutTheZonesColumnAsValidEverywhere() throws IOException {
        Path file = Files.writeString(temp.resolve("permits.csv"),
                "permit_no,vehicle_id,window_start,window_end,valid_from,valid_to\nP1,DL1GC1234,22:00,06:00,2026-01-01,2026-12-31\n");

        assertThat(CONDITIONS_READER.permits(file, "permits.csv")).singleElement()
                .satisfies(permit -> assertThat(permit.zones()).isEmpty());
    }

    @Test
    void namesFileRowAndFieldOfAGrapStageOutOfRange() throws IOException {
        Path file = write(Kind.GRAP, (Kind.GRAP.header + Kind.GRAP.row.replace(",3,", ",5,")).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CONDITIONS_READER.grapCalendar(file, "grap.csv"))
                .hasMessage("grap.csv row 2 field stage: 5 is not a GRAP stage 0 to 4");
    }

    private Path write(Kind kind, byte[] content) throws IOException {
        return Files.write(temp.resolve(kind.fileName), content);
    }
}
