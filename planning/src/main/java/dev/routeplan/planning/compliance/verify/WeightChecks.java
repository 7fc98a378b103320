package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.PackVehicleClass;
import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.Severity;
import dev.routeplan.planning.compliance.pack.VehicleStanding;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.Vehicle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a vehicle's weights: its fleet class against the registered GVW, and the route's
 * laden weight against the registered GVW and against the legal cap for its axle count.
 */
final class WeightChecks {

    private WeightChecks() {
    }

    // ---- vehicle class against registered GVW ----

    /**
     * The fleet's class of the vehicle against the registered GVW bounds the pack's
     * {@code vehicle_classes} carry: every rule is chosen by class, so a class the GVW contradicts
     * means the route was checked under the wrong rules.
     */
    static RuleCheck vehicleClass(RulePack pack, Vehicle v) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("vehicle_class", v.vehicleClass().name());
        evidence.put("gvw_kg", v.gvwKg());
        evidence.put("pack", pack.id() + "@" + pack.version() + " sha256:" + pack.sha256());
        Optional<PackVehicleClass> bounds = pack.gvwBoundsClass(v.vehicleClass());
        if (bounds.isEmpty()) {
            return new RuleCheck(RulePack.VEHICLE_CLASS_CHECK, Verdict.NOT_EVALUATED, Severity.HARD,
                    "the pack carries no GVW bounds for class " + v.vehicleClass(), evidence);
        }
        evidence.put("pack_class", bounds.get().name());
        evidence.put("pack_bounds", bounds.get().gvwBounds());
        evidence.put("source", "pack vehicle_classes (MV Act s.2 class definitions)");
        Optional<String> mismatch = pack.classMismatch(v);
        if (mismatch.isPresent()) {
            return new RuleCheck(RulePack.VEHICLE_CLASS_CHECK, Verdict.FAIL, Severity.HARD, mismatch.get()
                    + ": the rules were chosen by a class its registered GVW contradicts; correct fleet.csv", evidence);
        }
        return new RuleCheck(RulePack.VEHICLE_CLASS_CHECK, Verdict.PASS, Severity.HARD, "fleet class " + v.vehicleClass()
                + " agrees with registered GVW " + v.gvwKg() + " kg (" + bounds.get().name() + ": "
                + bounds.get().gvwBounds() + ")", evidence);
    }

    // ---- gross weight ----

    static RuleCheck grossWeight(Rule rule, Vehicle v, List<Order> orders, Map<String, Object> evidence) {
        double gross = ladenWeightKg(v, orders, evidence);
        evidence.put("gvw_kg", v.gvwKg());
        boolean ok = gross <= v.gvwKg() + 1e-9;
        return PackRuleChecks.result(rule, ok ? Verdict.PASS : Verdict.FAIL, "laden weight " + gross + " kg "
                + (ok ? "within" : "above") + " registered GVW " + v.gvwKg() + " kg", evidence);
    }

    /**
     * The route's laden weight: its payload plus the vehicle's unladen weight, taken as GVW less
     * capacity because the fleet master has no RC unladen weight; the figures go into the evidence.
     */
    private static double ladenWeightKg(Vehicle v, List<Order> orders, Map<String, Object> evidence) {
        double payload = orders.stream().mapToDouble(Order::weightKg).sum();
        double unladen = v.gvwKg() - v.capacityKg();
        double gross = payload + unladen;
        evidence.put("payload_kg", payload);
        evidence.put("unladen_kg", unladen);
        evidence.put("unladen_assumption", "unladen weight = gvw_kg - capacity_kg (the fleet master has no RC unladen weight)");
        evidence.put("gross_kg", gross);
        return gross;
    }

    // ---- GVW cap by axle count ----

    /**
     * Laden weight (payload plus unladen) against the legal GVW cap for the vehicle's axle count
     * (S.O. 3467(E)); the per-axle limits need an axle configuration the fleet master lacks.
     */
    static RuleCheck axleCap(RulePack pack, Rule rule, Vehicle v, List<Order> orders, Map<String, Object> evidence) {
        if (!rule.appliesTo().covers(v, pack.classChain(v.vehicleClass()))) {
            return PackRuleChecks.result(rule, Verdict.NOT_APPLICABLE, "applies_to does not cover " + VehicleStanding.describe(v), evidence);
        }
        Map<Integer, Integer> caps = rule.gvwCapKgByAxles();
        int listedMax = caps.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        evidence.put("axles", v.axles());
        evidence.put("axle_weights", "not checked: the fleet master has no axle configuration or tyre count,"
                + " so the pack's per-axle limits (axle_limits_t) cannot be applied");
        Integer cap = caps.get(v.axles());
        String basis = "gvw_cap_by_axles_t: " + v.axles() + " axles";
        if (v.axles() >= 2 && cap == null && v.axles() > listedMax && caps.containsKey(0)) {
            cap = caps.get(0);
            basis = "gvw_cap_t.rigid: the pack lists no cap for " + v.axles() + " axles, so the rigid-vehicle cap applies";
        }
        if (v.axles() < 2 || cap == null) {
            return PackRuleChecks.result(rule, Verdict.NOT_EVALUATED, "no GVW cap in the pack for " + v.axles() + " axles", evidence);
        }
        double gross = ladenWeightKg(v, orders, evidence);
        evidence.put("gvw_cap_kg", cap);
        evidence.put("cap_basis", basis);
        if (v.gvwKg() > cap) {
            evidence.put("registered_gvw_above_cap", "registered GVW " + v.gvwKg() + " kg is above the " + cap
                    + " kg cap for " + v.axles() + " axles: check the fleet record");
        }
        boolean ok = gross <= cap + 1e-9;
        return PackRuleChecks.result(rule, ok ? Verdict.PASS : Verdict.FAIL, "laden weight " + gross + " kg " + (ok ? "within" : "above")
                + " the legal GVW cap of " + cap + " kg for " + v.axles() + " axles; per-axle weights not checked"
                + " (no axle data)", evidence);
    }
}
