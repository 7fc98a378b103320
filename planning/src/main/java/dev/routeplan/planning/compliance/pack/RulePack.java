package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.domain.ZoneNoEntry;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A loaded, validated rule pack. Built only by {@link RulePackLoader}; {@code sha256} identifies
 * the exact bytes a plan was checked against: the YAML and every zone geometry file, through
 * {@code hashManifest} ({@link #HASH_RECIPE}).
 *
 * @param zones        the pack's zones with their geometry, by id
 * @param ecc          the ECC schedule of the {@code DL-ECC} cost item, or null if the pack has none
 * @param hashManifest the files of the pack with their SHA-256, one {@code sha256sum} line each; its
 *                     own SHA-256 is {@code sha256}
 * @param sourceIndex  what each source id cited by a rule's {@code refs} is (DELHI-RULES.md section 10)
 */
public record RulePack(
        String file,
        String id,
        String version,
        String timezone,
        String sha256,
        LocalDate effectiveFrom,
        String sourcesAsOf,
        Map<String, PackVehicleClass> vehicleClasses,
        Set<String> essentialGoods,
        List<Rule> rules,
        Map<String, Zone> zones,
        EccSchedule ecc,
        String hashManifest,
        Map<String, String> sourceIndex) {

    /** How {@code sha256} is made, in words an officer can follow with standard tools. */
    public static final String HASH_RECIPE = "SHA-256 of the pack's manifest: one line \"<sha256 hex>  <path>\" (two spaces,"
            + " newline-terminated, as sha256sum prints it) for the YAML, then for each zone geometry file in byte order"
            + " of its path relative to the YAML; in the pack's folder: sha256sum delhi.yaml zones/<file>... | sha256sum";

    /** The zone entry rules are about, and the one {@link #noEntryIntervals} covers (all depots are in it). */
    public static final String DELHI_NCT = "DELHI_NCT";
    public static final String ESSENTIAL_GOODS = "ESSENTIAL_GOODS";
    /** The check of the fleet's vehicle class against the registered GVW bounds of {@code vehicle_classes}. */
    public static final String VEHICLE_CLASS_CHECK = "VEHICLE-CLASS-GVW";
    /** The check of the pack's one cost item, the Environment Compensation Charge: not a rule. */
    public static final String ECC_CHECK = "DL-ECC";

    /** The timeline {@link #noEntryIntervals} covers: from one day before to two days after 00:00. */
    public static final long HORIZON_FROM = -TimeWindow.SECONDS_PER_DAY;
    public static final long HORIZON_TO = 2 * TimeWindow.SECONDS_PER_DAY;

    public RulePack {
        vehicleClasses = Map.copyOf(vehicleClasses);
        essentialGoods = Set.copyOf(essentialGoods);
        rules = List.copyOf(rules);
        zones = Map.copyOf(zones);
        sourceIndex = Map.copyOf(sourceIndex);
    }

    /** A rule's references with what each is, e.g. "S3: http://...", in the rule's order. */
    public List<String> citations(Rule rule) {
        return citations(rule.refs());
    }

    /** Source ids (a rule's or a cost item's refs) with what each is, in the order given. */
    public List<String> citations(List<String> refs) {
        return refs.stream()
                .map(ref -> ref + ": " + sourceIndex.getOrDefault(ref, "(not in the pack's source_index)")).toList();
    }

    /**
     * The tightest limit, in minutes, that an enabled driver-hours rule sets for {@code param}
     * (e.g. {@code max_continuous_driving_min}); empty if no rule sets it.
     */
    public OptionalInt driverLimitMinutes(String param) {
        return rules.stream()
                .filter(r -> r.enabled() && r.kind() == RuleKind.DRIVER_HOURS && r.params().containsKey(param))
                .mapToInt(r -> r.params().get(param)).min();
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** The vehicle's pack class and its ancestors, e.g. THREE_WHEELER -> [LGV_3W, LGV]. */
    public List<String> classChain(VehicleClass fleetClass) {
        String name = vehicleClasses.values().stream()
                .filter(c -> fleetClass.name().equals(c.fleetClass()))
                .map(PackVehicleClass::name)
                .findFirst()
                .orElse(fleetClass.name());
        List<String> chain = new ArrayList<>();
        for (PackVehicleClass c = vehicleClasses.get(name); c != null;
             c = c.parent() == null ? null : vehicleClasses.get(c.parent())) {
            chain.add(c.name());
        }
        return chain;
    }

    /**
     * The pack class whose GVW bounds judge the vehicle's fleet class: its own class or the nearest
     * ancestor with bounds (LGV_3W takes LGV's), or empty when no class in the chain has bounds.
     */
    public Optional<PackVehicleClass> gvwBoundsClass(VehicleClass fleetClass) {
        return classChain(fleetClass).stream().map(vehicleClasses::get).filter(PackVehicleClass::hasGvwBounds).findFirst();
    }

    /**
     * Why the fleet's class of the vehicle disagrees with its registered GVW (MV Act s.2 bounds the
     * pack carries), or empty when it agrees: rules are chosen by class, so a wrong class would
     * apply the wrong rules (an MGV declared as LGV escapes the 07:00-23:00 ban).
     */
    public Optional<String> classMismatch(Vehicle v) {
        Optional<PackVehicleClass> bounds = gvwBoundsClass(v.vehicleClass());
        if (bounds.isEmpty() || bounds.get().admitsGvw(v.gvwKg())) {
            return Optional.empty();
        }
        List<String> fits = vehicleClasses.values().stream()
                .filter(c -> c.hasGvwBounds() && c.admitsGvw(v.gvwKg())).map(PackVehicleClass::name).sorted().toList();
        return Optional.of("fleet class " + v.vehicleClass() + " (pack class " + bounds.get().name() + ": "
                + bounds.get().gvwBounds() + ") but registered GVW " + v.gvwKg() + " kg"
                + (fits.isEmpty() ? "" : ", which is " + String.join("/", fits)));
    }

    /** True if every category is an essential good of the pack; an empty set proves nothing. */
    public boolean allEssential(Set<String> cargoCategories) {
        return !cargoCategories.isEmpty() && cargoCategories.stream()
                .allMatch(c -> c != null && essentialGoods.contains(c.toLowerCase(Locale.ROOT)));
    }

    /**
     * The stretches of the timeline ({@link #HORIZON_FROM} to {@link #HORIZON_TO}, seconds after
     * 00:00 on the plan date) in which the vehicle may not ply, one per rule window occurrence.
     * Covers the Delhi NCT time-window and GRAP rules (a GRAP ban without windows gives one
     * interval per day), and, so the solver cannot plan a route across an age or document
     * deadline, one interval from that deadline to the end of the horizon.
     *
     * <p>Only NCT-wide rules: rules on smaller zones (markets, roads) depend on where the vehicle
     * is, which an interval cannot say. Entry rules give whole days for vehicles registered outside
     * Delhi ({@link #entryBans}); entries of Delhi-registered vehicles and cargo-triggered entry
     * rules are checked by the compliance verifier ({@code compliance.verify}) only, after solving.
     *
     * @param cargoCategories goods types of the orders on the route; they prove ESSENTIAL_GOODS
     *                        only if all are essential. Without that proof, the stretches of a rule
     *                        that essential goods exempt are marked {@link NoEntryInterval#liftedForEssentialGoods}.
     */
    /**
     * The zones (other than Delhi NCT as a whole) the vehicle may not ply in, and when: the pack's
     * time-window rules with geometry, at the stage given and without cargo exemptions.
     */
    public List<ZoneNoEntry> zoneNoEntry(Vehicle v, LocalDate planDate, int grapStage) {
        List<ZoneNoEntry> result = new ArrayList<>();
        for (Rule rule : rules) {
            Zone zone = rule.zone() == null ? null : zones.get(rule.zone());
            if (!rule.enabled() || rule.kind() != RuleKind.TIME_WINDOW || DELHI_NCT.equals(rule.zone()) || zone == null
                    || !bansVehicle(rule, v, grapStage) || exemptionProof(rule, Set.of()).isPresent()) {
                continue;
            }
            List<NoEntryInterval> intervals = new ArrayList<>();
            for (long[] o : rule.when().occurrences(planDate, HORIZON_FROM, HORIZON_TO)) {
                intervals.add(new NoEntryInterval(rule.id(), o[0], o[1]));
            }
            if (!intervals.isEmpty()) {
                result.add(new ZoneNoEntry(rule.id(), zone.id(), zone.features().stream().map(ZoneFeature::area).toList(),
                        zone.minAlongMetres(), intervals));
            }
        }
        return result;
    }

    public List<NoEntryInterval> noEntryIntervals(Vehicle v, LocalDate planDate, int grapStage,
                                                  Set<String> cargoCategories) {
        List<NoEntryInterval> intervals = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            switch (rule.kind()) {
                case TIME_WINDOW -> {
                    if (DELHI_NCT.equals(rule.zone()) && bansVehicle(rule, v, grapStage) && exemptionProof(rule, cargoCategories).isEmpty()) {
                        // marked, so the planner may still give the vehicle a route of essential goods only
                        boolean lifted = rule.allowsExemption(ESSENTIAL_GOODS);
                        for (long[] o : rule.when().occurrences(planDate, HORIZON_FROM, HORIZON_TO)) {
                            intervals.add(new NoEntryInterval(rule.id(), o[0], o[1], lifted));
                        }
                    }
                }
                case ENTRY -> intervals.addAll(entryBans(rule, v, planDate, grapStage, cargoCategories));
                case AGE_LIMIT, DOCUMENT -> {
                    VehicleStanding standing = VehicleStanding.of(this, rule, v);
                    if (standing.limited()) {
                        long from = Math.max(HORIZON_FROM, secondsFromPlanDate(planDate, standing.firstIllegalDay()));
                        if (from < HORIZON_TO) {
                            intervals.add(new NoEntryInterval(rule.id(), from, HORIZON_TO));
                        }
                    }
                }
                default -> { }
            }
        }
        intervals.sort(Comparator.comparingLong(NoEntryInterval::startSeconds));
        return intervals;
    }

    /**
     * The days an entry rule bars a vehicle registered outside Delhi: each of its routes from a depot
     * in Delhi enters at departure (the verifier presumes so), and with conservative presence the
     * rule then covers the whole stay, so a day the rule is in force and does not allow the vehicle
     * is a day it may not ply. Rules triggered by cargo are left to the verifier (the cargo is
     * known only on a route); a Delhi-registered vehicle enters only on a route that leaves Delhi
     * and comes back, which the verifier checks.
     */
    private List<NoEntryInterval> entryBans(Rule rule, Vehicle v, LocalDate planDate, int grapStage,
                                            Set<String> cargoCategories) {
        List<NoEntryInterval> result = new ArrayList<>();
        if (v.registeredInDelhi() || !rule.appliesTo().cargoCategories().isEmpty() || !bansVehicle(rule, v, grapStage)
                || exemptionProof(rule, cargoCategories).isPresent()) {
            return result;
        }
        for (long[] o : rule.when().occurrences(planDate, HORIZON_FROM, HORIZON_TO)) {
            LocalDate day = planDate.plusDays(Math.floorDiv(o[0], TimeWindow.SECONDS_PER_DAY));
            if (rule.allowance().allows(v, day).isEmpty()) {
                result.add(new NoEntryInterval(rule.id(), o[0], o[1]));
            }
        }
        return result;
    }

    /** A time-window rule covers the vehicle at this GRAP stage (dates and exemptions aside). */
    boolean bansVehicle(Rule rule, Vehicle v, int grapStage) {
        return rule.appliesTo().covers(v, classChain(v.vehicleClass())) && rule.when().stageReached(grapStage);
    }

    /** The exemption the data proves for this rule, in words; only cargo can prove one today. */
    public Optional<String> exemptionProof(Rule rule, Set<String> cargoCategories) {
        if (rule.allowsExemption(ESSENTIAL_GOODS) && allEssential(cargoCategories)) {
            return Optional.of(ESSENTIAL_GOODS + ": all cargo categories essential " + cargoCategories);
        }
        return Optional.empty();
    }

    /**
     * Seconds from 00:00 on the plan date to 00:00 on {@code day}, exact: evidence turns them back
     * into a date, so a deadline years away must stay that date (it was once clamped to 1,000 days,
     * and {@code may_ply_until} then disagreed with {@code first_illegal_day}). Cannot overflow:
     * LocalDate spans under 4e11 days, times 86,400 stays under 4e16.
     */
    public static long secondsFromPlanDate(LocalDate planDate, LocalDate day) {
        return ChronoUnit.DAYS.between(planDate, day) * TimeWindow.SECONDS_PER_DAY;
    }
}
