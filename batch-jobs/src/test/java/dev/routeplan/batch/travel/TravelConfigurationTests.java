package dev.routeplan.batch.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.SpeedProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TravelConfigurationTests {

    @Test
    void defaultsToTheHaversineModelWithoutRedis() {
        RouteplanProperties properties = bind(Map.of());

        assertThat(properties.travel().provider()).isEqualTo(RouteplanProperties.Provider.HAVERSINE);
        assertThat(properties.redis().enabled()).isFalse();
        assertThat(properties.redis().ttl()).isEqualTo(Duration.ofDays(7));
        assertThat(TravelConfiguration.speedProfile(properties.travel()).speedKmh(VehicleClass.LGV, 9 * 3600))
                .isEqualTo(SpeedProfile.delhiDefaults().speedKmh(VehicleClass.LGV, 9 * 3600));
    }

    @Test
    void aConfiguredClassGetsItsOwnHourlySpeedsAndTheOthersKeepDelhis() {
        Map<String, String> settings = new HashMap<>();
        for (int h = 0; h < 24; h++) {
            settings.put("routeplan.travel.speeds.three-wheeler[" + h + "]", h == 9 ? "8" : "18");
        }
        settings.put("routeplan.travel.provider", "osrm");
        settings.put("routeplan.travel.osrm.base-url", "http://127.0.0.1:5001");

        RouteplanProperties properties = bind(settings);
        SpeedProfile profile = TravelConfiguration.speedProfile(properties.travel());

        assertThat(properties.travel().provider()).isEqualTo(RouteplanProperties.Provider.OSRM);
        assertThat(properties.travel().osrm().baseUrl()).hasPort(5001);
        assertThat(profile.speedKmh(VehicleClass.THREE_WHEELER, 9 * 3600 + 59)).isEqualTo(8.0);
        assertThat(profile.speedKmh(VehicleClass.THREE_WHEELER, 12 * 3600)).isEqualTo(18.0);
        assertThat(profile.speedKmh(VehicleClass.HGV, 12 * 3600))
                .isEqualTo(SpeedProfile.delhiDefaults().speedKmh(VehicleClass.HGV, 12 * 3600));
    }

    private static RouteplanProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("routeplan", RouteplanProperties.class);
    }
}
