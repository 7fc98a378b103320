package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.EccSchedule;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.Severity;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Environment Compensation Charge as an informational check {@code DL-ECC} (WARNING, verdict
 * {@link Verdict#CHARGE}): a cost, not a ban, so neither a pass nor a failure, and never counted
 * among the passed checks. Charged on entering Delhi: the route's first entry ({@link DelhiEntries}:
 * an inbound crossing, or departure from a depot inside Delhi for a vehicle registered outside); the
 * amount comes from the pack's schedule by the vehicle's category and the entry date (IST).
 */
final class EccCheck {

    private EccCheck() {
    }

    /** @param entrySeconds the route's first entry into Delhi ({@link DelhiEntries}), or null if it never enters */
    static RuleCheck check(RulePack pack, Vehicle v, Long entrySeconds, PlanClock clock) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("vehicle_class", v.vehicleClass().name());
        evidence.put("axles", v.axles());
        evidence.put("registration_state", v.registrationState());
        evidence.putAll(citation(pack));
        if (v.registeredInDelhi()) {
            return new RuleCheck(RulePack.ECC_CHECK, Verdict.NOT_APPLICABLE, Severity.WARNING,
                    "registered in Delhi: the ECC is charged only on vehicles registered outside Delhi", evidence);
        }
        if (entrySeconds == null) {
            return new RuleCheck(RulePack.ECC_CHECK, Verdict.NOT_APPLICABLE, Severity.WARNING,
                    "the route never enters Delhi: no ECC", evidence);
        }
        LocalDate entryDay = clock.at(entrySeconds).toLocalDate();
        evidence.put("entry_at", iso(clock, entrySeconds));
        evidence.put("entry_date", entryDay.toString());
        EccSchedule schedule = pack.ecc();
        Optional<String> category = schedule.category(v, pack.classChain(v.vehicleClass()));
        Optional<long[]> amount = category.flatMap(c -> schedule.amount(c, entryDay));
        if (amount.isEmpty()) {
            return new RuleCheck(RulePack.ECC_CHECK, Verdict.NOT_EVALUATED, Severity.WARNING,
                    "no ECC amount in the schedule for this vehicle on " + entryDay, evidence);
        }
        evidence.put("axle_class", category.get());
        evidence.put("amount_inr", amount.get()[0]);
        evidence.put("base_amount_inr", amount.get()[1]);
        evidence.put("escalations", amount.get()[2]);
        evidence.put("rounding", schedule.rounding() + " (unverified)");
        return new RuleCheck(RulePack.ECC_CHECK, Verdict.CHARGE, Severity.WARNING, "ECC Rs " + amount.get()[0] + " ("
                + category.get() + ") on entering Delhi on " + entryDay + "; a cost, not a ban", evidence);
    }

    /** The cost item's version and legal source, as every rule's evidence cites its own. */
    private static Map<String, Object> citation(RulePack pack) {
        Map<String, Object> citation = new LinkedHashMap<>();
        citation.put("rule_version", pack.id() + "@" + pack.version());
        citation.put("rule_source", pack.ecc().legalSource());
        citation.put("rule_refs", pack.ecc().refs());
        citation.put("rule_citations", pack.citations(pack.ecc().refs()));
        return citation;
    }

    private static String iso(PlanClock clock, long seconds) {
        return clock.at(seconds).toString();
    }
}
