package dev.routeplan.planning.compliance;

import java.util.List;

/**
 * One rule of the pack, typed. Fields the engine does not use yet stay in the YAML; the rule is
 * still listed so every route report names it (as NOT_EVALUATED with the reason).
 *
 * @param verified            false until legal has checked the value against the original order
 * @param zone                {@code eval.where}, or null
 * @param mode                {@code eval.mode}, or null
 * @param ageLimitYears       {@code limit.years_from_registration}, 0 when not an age rule
 * @param document            the document a DOCUMENT rule checks, or null
 * @param exemptIf            conditions under which a document rule does not apply
 * @param documentGraceMonths months after registration in which a missing document is fine
 * @param notEvaluatedReason  why the engine does not evaluate the rule, null when it does
 */
public record Rule(
        String id,
        String title,
        boolean enabled,
        boolean verified,
        Severity severity,
        String legalSource,
        List<String> refs,
        VehicleFilter appliesTo,
        String zone,
        String mode,
        RuleTiming when,
        List<String> exemptions,
        int ageLimitYears,
        DocumentKind document,
        List<PermitExemption> exemptIf,
        int documentGraceMonths,
        RuleKind kind,
        String notEvaluatedReason) {

    public Rule {
        refs = List.copyOf(refs);
        exemptions = List.copyOf(exemptions);
        exemptIf = List.copyOf(exemptIf);
    }

    public boolean allowsExemption(String token) {
        return exemptions.contains(token);
    }
}
