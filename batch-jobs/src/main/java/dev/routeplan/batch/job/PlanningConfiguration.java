package dev.routeplan.batch.job;

import dev.routeplan.planning.compliance.RulePack;
import dev.routeplan.planning.compliance.RulePackLoader;
import dev.routeplan.planning.compliance.VehicleEligibility;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java planning parts the steps share: rule pack, travel model, solver, verifier. */
@Configuration(proxyBeanMethods = false)
public class PlanningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlanningConfiguration.class);
    private static final String BUNDLED_PACK = "/rules/delhi.yaml";

    @Bean
    RulePack rulePack(RouteplanProperties properties) throws IOException {
        Path path = properties.rulePack();
        if (!Files.isRegularFile(path)) {
            path = bundledPack();
            log.warn("rule pack {} not found; using the copy bundled with this release", properties.rulePack());
        }
        RulePack pack = RulePackLoader.load(path);
        log.info("rule pack {} {} (sha256 {}) loaded from {}", pack.id(), pack.version(), pack.sha256(), path);
        return pack;
    }

    @Bean
    TravelTimeProvider travelTimeProvider() {
        return HaversineTravelModel.delhiDefaults();
    }

    @Bean
    RouteSolver routeSolver(TravelTimeProvider travel) {
        return new RouteSolver(travel);
    }

    @Bean
    VehicleEligibility vehicleEligibility(RulePack rulePack) {
        return new VehicleEligibility(rulePack);
    }

    private static Path bundledPack() throws IOException {
        Path copy = Files.createTempFile("routeplan-rule-pack", ".yaml");
        copy.toFile().deleteOnExit();
        try (InputStream in = PlanningConfiguration.class.getResourceAsStream(BUNDLED_PACK)) {
            if (in == null) {
                throw new IllegalStateException("no rule pack: neither the configured file nor " + BUNDLED_PACK + " in the jar");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
