package dev.routeplan.app.compliance;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rule packs a what-if over the API may name, besides the one in force: by name, never by a
 * path from the request, so a caller cannot make the service read a file of its choosing.
 *
 * @param rulePacks name -> pack file, e.g. {@code delhi-2027-draft: config/rules/delhi-2027-draft.yaml}
 */
@ConfigurationProperties("routeplan.compliance")
public record CompliancePacks(@DefaultValue Map<String, Path> rulePacks) {

    public CompliancePacks {
        rulePacks = rulePacks == null ? Map.of() : Map.copyOf(rulePacks);
    }
}
