package dev.routeplan.planning.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaversineTravelModelTests {

    static final GeoPoint OKHLA = new GeoPoint(28.530, 77.271);
    static final GeoPoint CONNAUGHT_PLACE = new GeoPoint(28.6315, 77.2167);
    static final long HOUR = 3600;

    private final HaversineTravelModel delhi = HaversineTravelModel.delhiDefaults();

    @Test
    void aPeakHourTripTakesLongerThanTheSameTripAtNight() {
        long atNine = delhi.travelSeconds(OKHLA, CONNAUGHT_PLACE, VehicleClass.LGV, 9 * HOUR);
        long atTwo = delhi.travelSeconds(OKHLA, CONNAUGHT_PLACE, VehicleClass.LGV, 2 * HOUR);
        long atSix = delhi.travelSeconds(OKHLA, CONNAUGHT_PLACE, VehicleClass.LGV, 18 * HOUR + 30 * 60);

        assertThat(atNine).isGreaterThan(atTwo);
        assertThat(atSix).isGreaterThan(atTwo);
        assertThat(delhi.distanceKm(OKHLA, CONNAUGHT_PLACE)).isBetween(15.0, 18.0);
    }

    @Test
    void usesTheHourOfTheDepartureOnEveryDayOfThePlan() {
        long today = delhi.travelSeconds(OKHLA, CONNAUGHT_PLACE, VehicleClass.HGV, 23 * HOUR + 10);
        long tomorrow = delhi.travelSeconds(OKHLA, CONNAUGHT_PLACE, VehicleClass.HGV, 47 * HOUR + 10);
        long yesterday = delhi.travelSeconds(OKHLA, CONNAUGHT_PLACE, VehicleClass.HGV, -HOUR + 10);

        assertThat(tomorrow).isEqualTo(today).isEqualTo(yesterday);
        assertThat(SpeedProfile.hourOf(-1)).isEqualTo(23);
        assertThat(SpeedProfile.hourOf(31 * HOUR)).isEqualTo(7);
    }

    @Test
    void itsTableAnswersExactlyAsThePairwiseModelAtEveryHour() {
        List<GeoPoint> points = List.of(OKHLA, CONNAUGHT_PLACE, new GeoPoint(28.65, 77.10), new GeoPoint(28.50, 77.30));
        TravelTable table = delhi.table(points);

        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                assertThat(table.km(i, j)).isEqualTo(delhi.distanceKm(points.get(i), points.get(j)));
                for (long t = -HOUR; t < 49 * HOUR; t += 1800 + 7) {
                    for (VehicleClass vc : VehicleClass.values()) {
                        assertThat(table.seconds(vc, i, j, t))
                                .isEqualTo(delhi.travelSeconds(points.get(i), points.get(j), vc, t));
                    }
                }
            }
        }
    }

    @Test
    void refusesAProfileWithoutTwentyFourPositiveSpeeds() {
        Map<VehicleClass, List<Double>> hourly = new EnumMap<>(VehicleClass.class);
        for (VehicleClass vc : VehicleClass.values()) {
            hourly.put(vc, Collections.nCopies(24, 20.0));
        }
        hourly.put(VehicleClass.MGV, Collections.nCopies(23, 20.0));

        assertThatThrownBy(() -> SpeedProfile.of(hourly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MGV");
    }
}
