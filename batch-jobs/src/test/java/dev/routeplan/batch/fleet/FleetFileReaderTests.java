package dev.routeplan.batch.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.ingest.InputFileException;
import dev.routeplan.batch.ingest.format.InputTables;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileReaderTests {

    static final String HEADER = "vehicle_id,depot_id,vehicle_class,fuel,emission_norm,registration_date,registration_state,"
            + "gvw_kg,axles,capacity_kg,capacity_m3,shift_start,shift_end,cost_per_km,fixed_cost,driver_id,puc_valid_until,"
            + "permit_valid_until\n";
    static final String NIGHT_HGV = "DL1GC1234,D1,HGV,DIESEL,BS6,2022-01-18,DL,21000,3,14000,50,23:00,07:00,40,4000,DRV1,"
            + "2027-01-02,2029-10-06\n";

    @TempDir
    Path temp;
    private final FleetFileReader reader = new FleetFileReader(new InputTables(1 << 20), MasterDataFilesTests.DELHI_NCR);

    @Test
    void readsANightShiftThatCrossesMidnight() throws IOException {
        List<Vehicle> vehicles = reader.vehicles(write("fleet.csv", HEADER + NIGHT_HGV), "fleet.csv", Set.of("D1"));

        assertThat(vehicles).singleElement().satisfies(v -> {
            assertThat(v.vehicleClass()).isEqualTo(VehicleClass.HGV);
            assertThat(v.shift().crossesMidnight()).isTrue();
        });
    }

    @Test
    void readsThePermitsStatesWhenTheOptionalColumnIsThere() throws IOException {
        String header = HEADER.replace("permit_valid_until\n", "permit_valid_until,permit_states\n");
        String fromHaryana = NIGHT_HGV.replace("DL1GC1234", "HR55AB0001").replace(",DL,", ",HR,").replace("\n", ",HR; DL\n");
        String national = NIGHT_HGV.replace("DL1GC1234", "UP16AB0002").replace(",DL,", ",UP,").replace("\n", ",ALL\n");
        String unknown = NIGHT_HGV.replace("\n", ",\n");

        List<Vehicle> vehicles = reader.vehicles(write("fleet.csv", header + fromHaryana + national + unknown), "fleet.csv",
                Set.of("D1"));

        assertThat(vehicles).extracting(Vehicle::permitStates)
                .containsExactly(List.of("DL", "HR"), List.of("ALL"), List.of());
        assertThat(vehicles.get(0).permitCovers("DL")).isTrue();
        assertThat(vehicles.get(1).permitCovers("DL")).isTrue();
        assertThat(vehicles.get(2).permitCovers("DL")).isFalse();
    }

    @Test
    void namesFileRowAndFieldOfABadValue() throws IOException {
        Path file = write("fleet.csv", HEADER + NIGHT_HGV + NIGHT_HGV.replace("DL1GC1234", "DL1GC9999").replace("DIESEL", "COAL"));

        assertThatThrownBy(() -> reader.vehicles(file, "fleet.csv", Set.of("D1")))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("fleet.csv row 3 field fuel: \"COAL\" is not valid");
    }

    @Test
    void refusesAVehicleOfAnUnknownDepot() throws IOException {
        Path file = write("fleet.csv", HEADER + NIGHT_HGV);

        assertThatThrownBy(() -> reader.vehicles(file, "fleet.csv", Set.of("D2")))
                .hasMessage("fleet.csv row 2 field depot_id: \"D1\" is not in depots.csv");
    }

    @Test
    void refusesADepotListedTwice() throws IOException {
        Path file = write("depots.csv", "depot_id,name,lat,lon,open,close\nD1,Okhla,28.53,77.27,00:00,00:00\n"
                + "D1,Okhla again,28.53,77.27,06:00,22:00\n");

        assertThatThrownBy(() -> reader.depots(file, "depots.csv")).hasMessageContaining("row 3 field depot_id");
    }

    @Test
    void refusesADepotOutsideTheServiceAreaNamingRowAndField() throws IOException {
        // Jaipur, 240 km from Delhi: a depot there is a typo or a wrong file, and would plan nothing reachable
        Path file = write("depots.csv", "depot_id,name,lat,lon,open,close\nD1,Okhla,28.53,77.27,00:00,00:00\n"
                + "D2,Jaipur,26.91,75.79,06:00,22:00\n");

        assertThatThrownBy(() -> reader.depots(file, "depots.csv")).isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("depots.csv row 3 field lat,lon: depot D2 at 26.91,75.79 lies outside");
    }

    @Test
    void refusesAVehicleListedTwiceNamingTheSecondRow() throws IOException {
        Path file = write("fleet.csv", HEADER + NIGHT_HGV + NIGHT_HGV.replace("DRV1", "DRV2"));

        assertThatThrownBy(() -> reader.vehicles(file, "fleet.csv", Set.of("D1")))
                .isInstanceOf(InputFileException.class)
                .hasMessage("fleet.csv row 3 field vehicle_id: vehicle DL1GC1234 is listed twice");
    }

    @Test
    void refusesANegativeCapacityNamingRowAndField() throws IOException {
        Path file = write("fleet.csv", HEADER + NIGHT_HGV.replace(",3,14000,50,", ",3,-14000,50,"));

        assertThatThrownBy(() -> reader.vehicles(file, "fleet.csv", Set.of("D1")))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("fleet.csv row 2 field capacity_kg:");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }
}
