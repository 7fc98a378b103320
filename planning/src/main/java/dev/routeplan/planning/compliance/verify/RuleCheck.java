package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one rule (or plan check) for one route.
 *
 * @param evidence insertion-ordered facts a reviewer needs: times as ISO-8601 IST strings,
 *                 vehicle facts, GRAP stage, exemption proof
 */
public record RuleCheck(String ruleId, Verdict verdict, Severity severity, String message, Map<String, Object> evidence) {

    public RuleCheck {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public boolean blocks() {
        return verdict == Verdict.FAIL && severity == Severity.HARD;
    }
}
