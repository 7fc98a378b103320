package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whole-day checks the planner makes before giving a vehicle any order: its class against its
 * registered GVW, the pack's age limits and documents. A vehicle is ineligible if its class is
 * wrong or it may not ply from 00:00 IST on the plan date; a limit falling later (say at 00:00
 * the next day) is left to the no-entry intervals and the verifier, because the vehicle may still
 * run a route that ends in time.
 */
public final class VehicleEligibility {

    private final RulePack pack;

    public VehicleEligibility(RulePack pack) {
        this.pack = pack;
    }

    public List<Ineligibility> check(Vehicle v, LocalDate planDate) {
        List<Ineligibility> result = new ArrayList<>();
        // every rule is chosen by class: a class the GVW contradicts would plan under the wrong rules
        pack.classMismatch(v).ifPresent(why -> result.add(new Ineligibility(RulePack.VEHICLE_CLASS_CHECK, why)));
        for (Rule rule : pack.rules()) {
            if (!rule.enabled() || (rule.kind() != RuleKind.AGE_LIMIT && rule.kind() != RuleKind.DOCUMENT)) {
                continue;
            }
            VehicleStanding standing = VehicleStanding.of(pack, rule, v);
            if (standing.limited() && !planDate.isBefore(standing.firstIllegalDay())) {
                result.add(new Ineligibility(rule.id(), standing.detail()));
            }
        }
        return result;
    }

    /**
     * As {@link #check(Vehicle, LocalDate)}, plus GRAP bans that cover the whole day at this stage
     * (e.g. BS-IV diesel LGVs at stage III). Cargo is unknown here, so no cargo exemption is
     * assumed; a vehicle carrying only essential goods may still be exempt on a route.
     */
    public List<Ineligibility> check(Vehicle v, LocalDate planDate, int grapStage) {
        List<Ineligibility> result = new ArrayList<>(check(v, planDate));
        for (Rule rule : pack.rules()) {
            if (rule.enabled() && rule.kind() == RuleKind.TIME_WINDOW && RulePack.DELHI_NCT.equals(rule.zone())
                    && rule.when().windows().isEmpty()
                    && rule.when().grapStageGte() > 0 && rule.when().inForceOn(planDate)
                    && pack.bansVehicle(rule, v, grapStage) && pack.exemptionProof(rule, Set.of()).isEmpty()) {
                result.add(new Ineligibility(rule.id(), "GRAP stage " + grapStage + " >= " + rule.when().grapStageGte()
                        + ": " + VehicleStanding.describe(v) + " may not ply all day (" + rule.title() + ")"));
            }
        }
        return result;
    }
}
