package dev.routeplan.planning.compliance.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.verify.ComplianceFixtures;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.VehicleClass;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntryAllowanceTests {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 21);

    @Test
    void namesTheAllowedFuelsInTheOrderTheyAreDeclaredWhateverTheOrderTheyCameIn() {
        // a check's message is part of the plan's fingerprint: a restart in another JVM must word it the same
        EntryAllowance allowance = new EntryAllowance(Set.copyOf(List.of(Fuel.ELECTRIC, Fuel.LNG, Fuel.CNG)), Set.of(),
                Set.of(), Set.of(), null, null);

        assertThat(allowance.allows(ComplianceFixtures.vehicle("HR-1", VehicleClass.LGV, Fuel.ELECTRIC, EmissionNorm.BS6,
                LocalDate.of(2020, 2, 6), "HR", 3_400, ComplianceFixtures.DAY_SHIFT), DAY))
                .contains("allowed fuel ELECTRIC [CNG, LNG, ELECTRIC]");
    }

    @Test
    void namesTheAllowedNormsInTheirOrder() {
        EntryAllowance allowance = new EntryAllowance(Set.of(), Set.copyOf(List.of(EmissionNorm.BS6, EmissionNorm.BS4)),
                Set.of(), Set.of(), null, null);

        assertThat(allowance.allows(ComplianceFixtures.vehicle("DL-1", VehicleClass.LGV, Fuel.PETROL, EmissionNorm.BS4,
                LocalDate.of(2020, 2, 6), "DL", 3_400, ComplianceFixtures.DAY_SHIFT), DAY))
                .contains("allowed norm BS4 [BS4, BS6]");
    }
}
