package dev.routeplan.planning.compliance.pack;

import java.util.List;
import java.util.Map;

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
 * @param check               {@code check:} of the rule (e.g. driver_break), or null
 * @param params              numeric {@code params:} of the rule (driver-hours limits in minutes)
 * @param allowance           vehicles an entry rule lets in ({@code allowed}, {@code transitional})
 * @param conservativePresence an entry rule is checked over the whole stay in Delhi that follows an entry
 *                     (until the vehicle leaves or the route ends), not only at the crossing; default true
 * @param gvwCapKgByAxles      the legal GVW cap in kg by axle count ({@code gvw_cap_by_axles_t}); key 0 holds
 *                     the cap for axle counts not listed ({@code gvw_cap_t.rigid}); empty for other rules
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
        String notEvaluatedReason,
        String check,
        Map<String, Integer> params,
        EntryAllowance allowance,
        boolean conservativePresence,
        Map<Integer, Integer> gvwCapKgByAxles) {

    public Rule {
        params = Map.copyOf(params);
        gvwCapKgByAxles = Map.copyOf(gvwCapKgByAxles);
        refs = List.copyOf(refs);
        exemptions = List.copyOf(exemptions);
        exemptIf = List.copyOf(exemptIf);
    }

    public boolean allowsExemption(String token) {
        return exemptions.contains(token);
    }

    /** A driver-hours limit the loader has checked is present. */
    public int param(String name) {
        Integer value = params.get(name);
        if (value == null) {
            throw new IllegalStateException(id + " has no param " + name);
        }
        return value;
    }
}
