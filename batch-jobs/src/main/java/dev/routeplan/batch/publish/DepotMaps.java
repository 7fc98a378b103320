package dev.routeplan.batch.publish;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteMapImage;
import dev.routeplan.reports.map.MapOutline;
import dev.routeplan.reports.map.RouteMapRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route map of each depot, drawn at most once per publish: the depot's files and the run's
 * workbook both embed it, and an unchanged depot whose map only the run workbook needs is drawn
 * only then.
 */
class DepotMaps {

    private static final Logger log = LoggerFactory.getLogger(DepotMaps.class);

    private final RouteMapRenderer renderer = new RouteMapRenderer();
    private final MapOutline outline;
    private final Map<String, RouteMapImage> drawn = new HashMap<>();

    DepotMaps(MapOutline outline) {
        this.outline = outline;
    }

    /** The outline at {@code file}, or the Delhi outline inside the jar when there is no such file. */
    static MapOutline outline(Path file) {
        if (Files.isRegularFile(file)) {
            return MapOutline.read(file);
        }
        log.info("map outline {} not found: using the Delhi outline bundled in the jar", file.toAbsolutePath());
        return MapOutline.delhi();
    }

    RouteMapImage of(DepotPlanDocument document) {
        return drawn.computeIfAbsent(document.depot().id(), id -> renderer.render(document, outline,
                RouteMapRenderer.DEFAULT_WIDTH, RouteMapRenderer.DEFAULT_HEIGHT));
    }

    Map<String, RouteMapImage> of(List<DepotPlanDocument> documents) {
        Map<String, RouteMapImage> maps = new HashMap<>();
        documents.forEach(document -> maps.put(document.depot().id(), of(document)));
        return maps;
    }
}
