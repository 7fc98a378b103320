package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an age or document rule says about one vehicle: the rule does not cover it, an exemption
 * covers it, or it may ply only until 00:00 IST on {@code firstIllegalDay}.
 *
 * <p>The one home of the date arithmetic, so eligibility, no-entry intervals and the verifier agree.
 * Document dates are read the conservative way: a PUC or permit "valid until" date is the first
 * day it no longer covers (it expires at 00:00 IST on that date), matching the age rule's
 * anniversary reading in DELHI-RULES.md section 7.
 */
public record VehicleStanding(Status status, LocalDate firstIllegalDay, String detail, Map<String, Object> facts) {

    /**
     * {@code LIMITED}: may ply until {@code firstIllegalDay}. {@code UNPROVEN}: as LIMITED, but a
     * condition of the rule cannot be shown from the data (e.g. which states a permit covers), so
     * the verifier reports the rule as not evaluated rather than passed.
     */
    public enum Status { NOT_APPLICABLE, EXEMPT, LIMITED, UNPROVEN }

    /** The permit check of DL-DOC-PERMIT that also asks whether the permit covers Delhi. */
    public static final String COVERS_STATES_CHECK = "valid_through_route_end_and_covers_states";
    /** The registration (and permit) code of Delhi NCT, the state a permit must cover to ply here. */
    public static final String DELHI_STATE = "DL";

    public static VehicleStanding of(RulePack pack, Rule rule, Vehicle v) {
        if (!rule.appliesTo().covers(v, pack.classChain(v.vehicleClass()))) {
            return new VehicleStanding(Status.NOT_APPLICABLE, null,
                    "applies_to does not cover " + describe(v), Map.of());
        }
        return switch (rule.kind()) {
            case AGE_LIMIT -> age(rule, v);
            case DOCUMENT -> document(rule, v);
            default -> throw new IllegalArgumentException(rule.id() + " is not an age or document rule");
        };
    }

    /** A date after which the vehicle may not ply (an unproven condition still has its expiry date). */
    boolean limited() {
        return status == Status.LIMITED || status == Status.UNPROVEN;
    }

    private static VehicleStanding age(Rule rule, Vehicle v) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("registration_date", String.valueOf(v.registrationDate()));
        facts.put("fuel", v.fuel().name());
        facts.put("limit_years", rule.ageLimitYears());
        if (v.registrationDate() == null) {
            return new VehicleStanding(Status.LIMITED, LocalDate.MIN, "registration date unknown", facts);
        }
        // java.time maps 29 Feb + N years to 28 Feb in non-leap years, as section 7 asks.
        LocalDate limit = v.registrationDate().plusYears(rule.ageLimitYears());
        facts.put("first_illegal_day", limit.toString());
        return new VehicleStanding(Status.LIMITED, limit, v.fuel() + " vehicle registered " + v.registrationDate()
                + " reaches " + rule.ageLimitYears() + " years on " + limit + ": may not ply from 00:00 IST", facts);
    }

    private static VehicleStanding document(Rule rule, Vehicle v) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (PermitExemption condition : rule.exemptIf()) {
            Optional<String> proof = condition.proofFor(v);
            if (proof.isPresent()) {
                facts.put("exempt_if", proof.get());
                return new VehicleStanding(Status.EXEMPT, null, "exempt: " + proof.get(), facts);
            }
        }
        LocalDate validUntil = switch (rule.document()) {
            case PUC -> v.pucValidUntil();
            case PERMIT -> v.permitValidUntil();
            case FITNESS_INSURANCE_RC -> throw new IllegalArgumentException("no fitness dates on the vehicle");
        };
        String name = rule.document().name();
        facts.put(name.toLowerCase() + "_valid_until", String.valueOf(validUntil));
        if (rule.document() == DocumentKind.PERMIT && COVERS_STATES_CHECK.equals(rule.check()) && !v.registeredInDelhi()) {
            Optional<VehicleStanding> coverage = permitCoverage(v, validUntil, facts);
            if (coverage.isPresent()) {
                return coverage.get();
            }
        }
        if (validUntil != null) {
            return new VehicleStanding(Status.LIMITED, validUntil,
                    name + " expires at 00:00 IST on " + validUntil, facts);
        }
        if (rule.documentGraceMonths() > 0 && v.registrationDate() != null) {
            LocalDate graceEnd = v.registrationDate().plusMonths(rule.documentGraceMonths());
            facts.put("grace_ends", graceEnd.toString());
            return new VehicleStanding(Status.LIMITED, graceEnd, "no " + name + " on record; needed from "
                    + graceEnd + " (" + rule.documentGraceMonths() + " months after registration)", facts);
        }
        return new VehicleStanding(Status.LIMITED, LocalDate.MIN, "no " + name + " on record", facts);
    }

    /**
     * Whether the permit of a vehicle registered outside Delhi covers Delhi: a permit whose states
     * are on record and leave Delhi out does not let the vehicle ply here at all; states not on
     * record leave the expiry date as the only proof, which the verifier reports as unproven.
     * A Delhi-registered vehicle's permit is issued in Delhi and covers it.
     */
    private static Optional<VehicleStanding> permitCoverage(Vehicle v, LocalDate validUntil, Map<String, Object> facts) {
        if (v.permitStates().isEmpty()) {
            facts.put("permit_states", "not on record");
            LocalDate until = validUntil == null ? LocalDate.MIN : validUntil;
            return Optional.of(new VehicleStanding(Status.UNPROVEN, until, "permit of a vehicle registered in "
                    + v.registrationState() + (validUntil == null ? " not on record" : " expires at 00:00 IST on " + validUntil)
                    + "; the states it covers are not on record, so coverage of " + DELHI_STATE + " is not shown", facts));
        }
        facts.put("permit_states", String.join(" ", v.permitStates()));
        if (!v.permitCovers(DELHI_STATE)) {
            return Optional.of(new VehicleStanding(Status.LIMITED, LocalDate.MIN, "permit covers "
                    + String.join(", ", v.permitStates()) + ", not " + DELHI_STATE + ": the vehicle may not ply in Delhi", facts));
        }
        facts.put("permit_covers", DELHI_STATE + (v.permitStates().contains(Vehicle.ALL_STATES) ? " (national permit)" : ""));
        return Optional.empty();
    }

    public static String describe(Vehicle v) {
        return v.vehicleClass() + " " + v.fuel() + " " + v.emissionNorm() + " registered in " + v.registrationState();
    }
}
