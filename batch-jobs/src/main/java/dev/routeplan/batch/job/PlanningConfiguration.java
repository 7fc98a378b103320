package dev.routeplan.batch.job;

import dev.routeplan.batch.travel.TravelConfiguration;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.solver.RouteSolver;
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
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The plain-Java planning parts the steps share: rule pack, travel model (see {@link TravelConfiguration}), solver. */
@Configuration(proxyBeanMethods = false)
@Import(TravelConfiguration.class)
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
    RouteSolver routeSolver(TravelTimeProvider travel) {
        return new RouteSolver(travel);
    }

    @Bean
    VehicleEligibility vehicleEligibility(RulePack rulePack) {
        return new VehicleEligibility(rulePack);
    }

    /** Copies the pack and its zone geometry out of the jar, since the pack names its GeoJSON files by relative path. */
    private static Path bundledPack() throws IOException {
        Path dir = Files.createTempDirectory("routeplan-rule-pack");
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/**/*.*");
        for (Resource resource : resources) {
            String url = resource.getURL().toString();
            String relative = url.substring(url.lastIndexOf("/rules/") + "/rules/".length());
            Path target = dir.resolve(relative).normalize();
            if (!target.startsWith(dir)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path pack = dir.resolve(BUNDLED_PACK.substring("/rules/".length()));
        if (!Files.isRegularFile(pack)) {
            throw new IllegalStateException("no rule pack: neither the configured file nor " + BUNDLED_PACK + " in the jar");
        }
        return pack;
    }
}
