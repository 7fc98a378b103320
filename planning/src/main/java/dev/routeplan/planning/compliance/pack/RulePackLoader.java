package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.digest.Sha256;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.VehicleClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a rule pack YAML into a {@link RulePack}, validating as it goes. The only place that
 * reads the pack: the YAML is parsed generically (safe constructor, plain maps and lists) and
 * mapped to records by hand, so every problem is reported with file, rule id and field.
 */
public final class RulePackLoader {

    private static final Pattern SNAKE_CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> KNOWN_WHEN_KEYS = Set.of("windows", "grap_stage_gte", "date_from", "date_to",
            "calendar", "forecast_stage_gt_current", "requires_delhi_order");
    /** A misspelt filter key would silently widen a ban or an exemption, so unknown keys are errors. */
    private static final Set<String> KNOWN_APPLIES_TO_KEYS = Set.of("classes", "exclude_classes", "fuel", "fuels",
            "exclude_fuels", "norm_le", "registration", "match_any", "cargo_categories");
    private static final String ALL_MOTOR = "ALL_MOTOR";
    private static final String FROM_OVERRIDE = "from_override";
    private static final String PLYING_IN_ZONE = "plying_in_zone";
    private static final String ENTRY = "entry";
    private static final String GROSS_WEIGHT_CHECK = "gross_weight_within_gvw";
    private static final String PERMIT_CHECK = "permit_covers";
    private static final String GVW_CAP_BY_AXLES = "gvw_cap_by_axles_t";
    private static final String FORECAST = "forecast_stage_gt_current";
    /** The driver-hours checks and the whole-minute params each needs. */
    static final Map<String, List<String>> DRIVER_PARAMS = Map.of(
            "driver_break", List.of("max_continuous_driving_min", "min_break_min"),
            "driver_daily_hours", List.of("max_duty_min_per_day", "min_break_min"),
            "driver_spread_over", List.of("max_spread_over_min"),
            "driver_rest_between_duties", List.of("min_rest_between_duties_min"));

    private RulePackLoader() {
    }

    public static RulePack load(Path yaml) {
        String file = yaml.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(yaml);
        } catch (IOException e) {
            throw new RulePackException(file, null, "(file)", "cannot read " + yaml + ": " + e.getMessage(), e);
        }
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(bytes, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new RulePackException(file, null, "(yaml)", "not valid YAML: " + e.getMessage(), e);
        }
        Path dir = yaml.toAbsolutePath().getParent();
        return new Reading(file, new PackNode(file, null, "", tree), new ZoneReader(dir)).pack(bytes);
    }

    /**
     * The pack's manifest: one line per file the pack is made of, in the format of
     * {@code sha256sum} ({@code <hex>  <path>}, two spaces, a newline after each line): the YAML
     * first (its file name), then each zone geometry file (its path relative to the YAML, as the
     * pack writes it) once, in byte order of the path. The pack's SHA-256 is the SHA-256 of this
     * text (UTF-8), so {@code sha256sum delhi.yaml zones/a.geojson ... | sha256sum} redoes it
     * ({@link RulePack#HASH_RECIPE}).
     */
    static String manifest(String yamlName, byte[] yaml, Map<String, Zone> zones) {
        StringBuilder manifest = new StringBuilder(Sha256.hex(yaml)).append("  ").append(yamlName).append('\n');
        java.util.TreeMap<String, String> files = new java.util.TreeMap<>();
        zones.values().forEach(z -> files.put(z.file(), z.fileSha256()));
        files.forEach((path, hex) -> manifest.append(hex).append("  ").append(path).append('\n'));
        return manifest.toString();
    }

    /** State of one load: the names the rules may refer to, collected from the shared sections. */
    private static final class Reading {

        private final String file;
        private final PackNode root;
        private final Map<String, PackVehicleClass> classes = new LinkedHashMap<>();
        private final Set<Fuel> fuels = EnumSet.noneOf(Fuel.class);
        private final Set<EmissionNorm> norms = EnumSet.noneOf(EmissionNorm.class);
        private final ZoneReader zoneReader;
        private Map<String, Zone> zones = Map.of();

        Reading(String file, PackNode root, ZoneReader zoneReader) {
            this.file = file;
            this.root = root;
            this.zoneReader = zoneReader;
        }

        RulePack pack(byte[] yamlBytes) {
            root.map();
            PackNode header = root.get("pack");
            readVehicleClasses(root.get("vehicle_classes"));
            for (PackNode f : root.get("fuels").list()) {
                fuels.add(enumValue(f, Fuel.class));
            }
            for (PackNode n : root.get("emission_norms").list()) {
                norms.add(enumValue(n, EmissionNorm.class));
            }
            Set<String> essential = new HashSet<>();
            for (PackNode g : root.get("essential_goods").list()) {
                if (!SNAKE_CODE.matcher(g.string()).matches()) {
                    throw g.error("not a lower-case snake code \"" + g.string() + "\"");
                }
                essential.add(g.string());
            }
            zones = zoneReader.read(root.get("zones"));
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (PackNode r : root.get("rules").list()) {
                String id = r.get("id").string();
                if (!ids.add(id)) {
                    throw r.inRule(id).get("id").error("duplicate rule id \"" + id + "\"");
                }
                rules.add(rule(r.inRule(id), id));
            }
            if (rules.isEmpty()) {
                throw root.get("rules").error("no rules");
            }
            String manifest = manifest(file, yamlBytes, zones);
            return new RulePack(file, header.get("id").string(), header.get("version").string(),
                    header.get("timezone").string(), Sha256.hex(manifest), header.get("effective_from").date(),
                    header.get("sources_as_of").string(), classes, essential, rules, zones, ecc(), manifest,
                    sourceIndex());
        }

        private void readVehicleClasses(PackNode section) {
            for (String name : section.keys()) {
                PackNode c = section.get(name);
                String fleetClass = c.get("fleet_class").optionalString().orElse(null);
                if (fleetClass != null) {
                    enumValue(c.get("fleet_class"), VehicleClass.class);
                }
                PackNode gvw = c.get("gvw_kg");
                classes.put(name, new PackVehicleClass(name, c.get("parent").optionalString().orElse(null), fleetClass,
                        gvw.has("gt") ? gvw.get("gt").integer() : null, gvw.has("le") ? gvw.get("le").integer() : null));
            }
            for (PackVehicleClass c : classes.values()) {
                if (c.parent() != null && !classes.containsKey(c.parent())) {
                    throw section.get(c.name()).get("parent").error("unknown vehicle class \"" + c.parent() + "\"");
                }
                int depth = 0;
                for (String p = c.parent(); p != null; p = classes.get(p).parent()) {
                    if (++depth > classes.size()) {
                        throw section.get(c.name()).get("parent").error("parent chain loops back to " + c.name());
                    }
                }
            }
            // Every fleet class must land on a pack class, or rules would silently skip those vehicles.
            for (VehicleClass vc : VehicleClass.values()) {
                boolean mapped = classes.containsKey(vc.name())
                        || classes.values().stream().anyMatch(c -> vc.name().equals(c.fleetClass()));
                if (!mapped) {
                    throw section.error("no pack class for fleet class " + vc + " (add it or set fleet_class)");
                }
            }
        }

        private Rule rule(PackNode r, String id) {
            PackNode eval = r.get("eval");
            String zone = eval.get("where").optionalString().orElse(null);
            String mode = eval.get("mode").optionalString().orElse(null);
            if (zone != null && !FROM_OVERRIDE.equals(zone) && !zones.containsKey(zone)) {
                throw eval.get("where").error("unknown zone \"" + zone + "\" (pack has " + zones.keySet() + ")");
            }
            String check = r.get("check").optionalString().orElse(null);
            Map<String, Integer> params = new LinkedHashMap<>();
            for (String key : r.get("params").keys()) {
                PackNode value = r.get("params").get(key);
                if (value.raw() instanceof Integer) {
                    params.put(key, value.integer());
                }
            }
            RuleTiming when = timing(r.get("when"));
            int ageYears = 0;
            if (r.has("limit")) {
                ageYears = r.get("limit").get("years_from_registration").integer();
                if (ageYears <= 0) {
                    throw r.get("limit").get("years_from_registration").error("must be positive, was " + ageYears);
                }
            }
            DocumentKind document = r.has("document")
                    ? enumValue(r.get("document"), DocumentKind.class) : null;
            List<PermitExemption> exemptIf = new ArrayList<>();
            for (PackNode cond : r.get("exempt_if").list()) {
                exemptIf.add(permitExemption(cond));
            }
            PackNode grace = r.get("grace_after_first_registration_months");
            RuleKind kind = kind(ageYears, document, zone, mode, when, check, r);
            if (kind == RuleKind.DRIVER_HOURS) {
                for (String needed : DRIVER_PARAMS.get(check)) {
                    if (!params.containsKey(needed)) {
                        throw r.get("params").get(needed).error("missing (whole minutes) for check " + check);
                    }
                }
            }
            return new Rule(id,
                    r.get("title").string(),
                    r.get("enabled").bool(true),
                    r.get("verified").bool(false),
                    enumValue(r.get("severity"), Severity.class),
                    r.get("source").get("legal").optionalString().orElse(""),
                    r.get("source").get("refs").strings(),
                    appliesTo(r.get("applies_to")),
                    zone, mode, when,
                    r.get("exemptions").strings(),
                    ageYears, document, exemptIf,
                    grace.isMissing() ? 0 : grace.integer(),
                    kind,
                    kind == RuleKind.NOT_EVALUATED || kind == RuleKind.GRAP_FORECAST
                            ? whyNotEvaluated(r, document, zone, mode) : null,
                    check, params, allowance(r),
                    // DELHI-RULES.md section 7 makes conservative presence the default; a rule may say false
                    eval.get("conservative_presence").bool(true),
                    gvwCapsByAxles(r));
        }

        private RuleKind kind(int ageYears, DocumentKind document, String zone, String mode, RuleTiming when,
                              String check, PackNode r) {
            if (ageYears > 0) {
                return RuleKind.AGE_LIMIT;
            }
            if (document == DocumentKind.PUC || document == DocumentKind.PERMIT) {
                return RuleKind.DOCUMENT;
            }
            if (check != null && DRIVER_PARAMS.containsKey(check)) {
                return RuleKind.DRIVER_HOURS;
            }
            if (GROSS_WEIGHT_CHECK.equals(check)) {
                return RuleKind.GROSS_WEIGHT;
            }
            if (check != null && check.startsWith(PERMIT_CHECK)) {
                return RuleKind.PERMIT_MATCH;
            }
            if (r.has(GVW_CAP_BY_AXLES)) {
                return RuleKind.AXLE_GVW_CAP;
            }
            if (r.get("when").has(FORECAST)) {
                return RuleKind.GRAP_FORECAST;
            }
            boolean timed = !when.windows().isEmpty() || when.grapStageGte() > 0;
            if (document == null && PLYING_IN_ZONE.equals(mode) && timed && zones.containsKey(zone)) {
                return RuleKind.TIME_WINDOW;
            }
            boolean bans = timed || when.dateFrom() != null || r.has("allowed")
                    || r.get("applies_to").has("cargo_categories");
            if (document == null && ENTRY.equals(mode) && RulePack.DELHI_NCT.equals(zone) && bans
                    && !r.get("when").has("requires_delhi_order")) {
                return RuleKind.ENTRY;
            }
            return RuleKind.NOT_EVALUATED;
        }

        /**
         * {@code gvw_cap_by_axles_t: [{axles: 2, t: 18.5}, ...]} in kg by axle count, plus
         * {@code gvw_cap_t.rigid} under key 0: the cap for axle counts the table does not list.
         */
        private Map<Integer, Integer> gvwCapsByAxles(PackNode r) {
            Map<Integer, Integer> caps = new java.util.TreeMap<>();
            for (PackNode row : r.get(GVW_CAP_BY_AXLES).list()) {
                int axles = row.get("axles").integer();
                if (axles < 2) {
                    throw row.get("axles").error("a goods vehicle has at least 2 axles, was " + axles);
                }
                caps.put(axles, kilograms(row.get("t")));
            }
            if (!caps.isEmpty() && r.get("gvw_cap_t").has("rigid")) {
                caps.put(0, kilograms(r.get("gvw_cap_t").get("rigid")));
            }
            return caps;
        }

        private static int kilograms(PackNode tonnes) {
            if (!(tonnes.raw() instanceof Number n) || n.doubleValue() <= 0) {
                throw tonnes.error("not a positive number of tonnes");
            }
            return (int) Math.round(n.doubleValue() * 1000);
        }

        private EntryAllowance allowance(PackNode r) {
            PackNode allowed = r.get("allowed");
            PackNode transitional = r.get("transitional");
            if (allowed.isMissing() && transitional.isMissing()) {
                return EntryAllowance.NONE;
            }
            return new EntryAllowance(fuels(allowed.get("fuels")), norms(allowed.get("norms")),
                    norms(allowed.get("diesel_norms")), norms(transitional.get("allow_norms")),
                    transitional.get("until").optionalDate().orElse(null),
                    transitional.get("variant").optionalString().orElse(null));
        }

        private Set<EmissionNorm> norms(PackNode node) {
            Set<EmissionNorm> result = EnumSet.noneOf(EmissionNorm.class);
            for (PackNode n : node.list()) {
                result.add(norm(n));
            }
            return result;
        }

        /** {@code source_index}: what each source id a rule cites (S1, G6a...) is, e.g. its address; may be absent. */
        private Map<String, String> sourceIndex() {
            PackNode index = root.get("source_index");
            Map<String, String> result = new LinkedHashMap<>();
            for (String id : index.keys()) {
                result.put(id, index.get(id).string());
            }
            return result;
        }

        /** The DL-ECC cost item, or null when the pack has none. */
        private EccSchedule ecc() {
            for (PackNode cost : root.get("costs").list()) {
                if (!RulePack.ECC_CHECK.equals(cost.get("id").optionalString().orElse(null))) {
                    continue;
                }
                PackNode item = cost.inRule(RulePack.ECC_CHECK);
                List<EccSchedule.Category> categories = new ArrayList<>();
                for (PackNode c : item.get("vehicle_categories").list()) {
                    categories.add(new EccSchedule.Category(c.get("name").string(), packClasses(c.get("classes")),
                            c.has("axles_le") ? c.get("axles_le").integer() : null,
                            c.has("axles_ge") ? c.get("axles_ge").integer() : null));
                }
                List<EccSchedule.Period> periods = new ArrayList<>();
                for (PackNode p : item.get("schedule_inr").list()) {
                    Map<String, Integer> amounts = new LinkedHashMap<>();
                    for (String key : p.keys()) {
                        if (!key.equals("from") && !key.equals("until")) {
                            amounts.put(key, p.get(key).integer());
                        }
                    }
                    periods.add(new EccSchedule.Period(p.get("from").optionalDate().orElse(null),
                            p.get("until").optionalDate().orElse(null), amounts));
                }
                if (categories.isEmpty() || periods.isEmpty()) {
                    throw item.error("needs vehicle_categories and schedule_inr");
                }
                PackNode escalation = item.get("escalation");
                PackNode pct = escalation.get("pct_per_year");
                return new EccSchedule(categories, periods,
                        pct.isMissing() ? 0 : ((Number) pct.raw()).doubleValue(),
                        escalation.get("first_on").optionalDate().orElse(null),
                        escalation.get("rounding").optionalString().orElse(null),
                        item.get("source").get("legal").optionalString().orElse(""), item.get("source").get("refs").strings());
            }
            return null;
        }

        private static String whyNotEvaluated(PackNode r, DocumentKind document, String zone, String mode) {
            if (document != null) {
                return "the vehicle master has no " + document.name().toLowerCase(Locale.ROOT) + " dates yet";
            }
            if (FROM_OVERRIDE.equals(mode) || FROM_OVERRIDE.equals(zone)) {
                return "event overrides are not supplied yet";
            }
            if (r.get("when").has("requires_delhi_order")) {
                return "in force only while a Delhi GRAP IV order says so; no run data carries that order yet";
            }
            if (r.get("when").has(FORECAST)) {
                return "needs a GRAP forecast; the calendar of a review holds orders in force only"
                        + " (not applicable while the highest stage, IV, is in force)";
            }
            if (ENTRY.equals(mode)) {
                return "an entry requirement without a ban condition needs vehicle data the fleet master lacks"
                        + " (e.g. RFID tag and balance)";
            }
            if (r.has("axle_limits_t")) {
                return "the vehicle master has no per-axle weights; the GVW part is checked as DL-GVW";
            }
            if ("driver_weekly_hours".equals(r.get("check").optionalString().orElse(null))) {
                return "needs the driver's duties of the whole week; the review carries only this route";
            }
            if (r.has("check")) {
                return "check " + r.get("check").string() + " is not implemented yet";
            }
            return "no evaluator for this rule yet";
        }

        private RuleTiming timing(PackNode when) {
            for (String key : when.keys()) {
                if (!KNOWN_WHEN_KEYS.contains(key)) {
                    throw when.get(key).error("unknown condition");
                }
            }
            List<RuleWindow> windows = new ArrayList<>();
            for (PackNode w : when.get("windows").list()) {
                int start = w.get("start").timeOfDaySeconds();
                int end = w.get("end").timeOfDaySeconds();
                if (start == 24 * 3600) {
                    throw w.get("start").error("a window cannot start at 24:00");
                }
                // An end at or before the start crosses midnight into the next day.
                windows.add(new RuleWindow(days(w.get("days")), start, end > start ? end : end + 24 * 3600));
            }
            PackNode stage = when.get("grap_stage_gte");
            int grapStage = stage.isMissing() ? 0 : stage.integer();
            if (!stage.isMissing() && (grapStage < 1 || grapStage > 4)) {
                throw stage.error("GRAP stage must be 1 to 4, was " + grapStage);
            }
            LocalDate from = when.get("date_from").optionalDate().orElse(null);
            LocalDate to = when.get("date_to").optionalDate().orElse(null);
            if (from != null && to != null && to.isBefore(from)) {
                throw when.get("date_to").error("before date_from " + from);
            }
            return new RuleTiming(windows, grapStage, from, to);
        }

        private static Set<DayOfWeek> days(PackNode days) {
            if (days.isMissing() || (days.raw() instanceof String s && s.equals("ALL"))) {
                return EnumSet.allOf(DayOfWeek.class);
            }
            Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
            for (PackNode d : days.list()) {
                result.add(enumValue(d, DayOfWeek.class));
            }
            return result;
        }

        private VehicleFilter appliesTo(PackNode a) {
            if (a.isMissing()) {
                return VehicleFilter.ANY;
            }
            for (String key : a.keys()) {
                if (!KNOWN_APPLIES_TO_KEYS.contains(key)) {
                    throw a.get(key).error("unknown filter (known: " + new java.util.TreeSet<>(KNOWN_APPLIES_TO_KEYS) + ")");
                }
            }
            List<String> classNames = a.get("classes").strings();
            Set<String> classSet = Set.of();
            boolean anyClass = classNames.equals(List.of(ALL_MOTOR)) || classNames.equals(List.of(FROM_OVERRIDE));
            if (!anyClass) {
                classSet = packClasses(a.get("classes"));
            }
            Set<Fuel> fuelSet = EnumSet.noneOf(Fuel.class);
            fuelSet.addAll(fuels(a.get("fuels")));
            fuelSet.addAll(fuels(a.get("fuel")));
            List<VehicleFilter.FuelNorm> matchAny = new ArrayList<>();
            for (PackNode m : a.get("match_any").list()) {
                matchAny.add(new VehicleFilter.FuelNorm(fuel(m.get("fuel")), norm(m.get("norm_le"))));
            }
            PackNode reg = a.get("registration");
            Registration registration = reg.isMissing() || reg.string().equalsIgnoreCase("any")
                    ? Registration.ANY : enumValue(reg, Registration.class);
            return new VehicleFilter(classSet, packClasses(a.get("exclude_classes")), fuelSet,
                    fuels(a.get("exclude_fuels")), a.has("norm_le") ? norm(a.get("norm_le")) : null,
                    registration, matchAny, Set.copyOf(a.get("cargo_categories").strings()));
        }

        private Set<String> packClasses(PackNode node) {
            Set<String> result = new HashSet<>();
            List<PackNode> items = node.raw() instanceof List<?> ? node.list() : node.isMissing() ? List.of() : List.of(node);
            for (PackNode c : items) {
                if (!classes.containsKey(c.string())) {
                    throw c.error("unknown vehicle class \"" + c.string() + "\" (pack has " + classes.keySet() + ")");
                }
                result.add(c.string());
            }
            return result;
        }

        /** "any" means no fuel condition. */
        private Set<Fuel> fuels(PackNode node) {
            Set<Fuel> result = EnumSet.noneOf(Fuel.class);
            if (node.raw() instanceof String s && s.equalsIgnoreCase("any")) {
                return result;
            }
            List<PackNode> items = node.raw() instanceof List<?> ? node.list() : node.isMissing() ? List.of() : List.of(node);
            for (PackNode f : items) {
                result.add(fuel(f));
            }
            return result;
        }

        private Fuel fuel(PackNode node) {
            Fuel fuel = enumValue(node, Fuel.class);
            if (!fuels.contains(fuel)) {
                throw node.error("fuel " + fuel + " is not in the pack's fuels list");
            }
            return fuel;
        }

        private EmissionNorm norm(PackNode node) {
            EmissionNorm norm = enumValue(node, EmissionNorm.class);
            if (!norms.contains(norm)) {
                throw node.error("norm " + norm + " is not in the pack's emission_norms list");
            }
            return norm;
        }

        private PermitExemption permitExemption(PackNode cond) {
            Integer gvw = cond.has("gvw_kg_le") ? cond.get("gvw_kg_le").integer() : null;
            return new PermitExemption(gvw, fuels(cond.get("fuel")),
                    cond.get("state_exemption_in_force").bool(false));
        }

        /** Enum names match case-insensitively (the pack writes {@code hard}, {@code puc}). */
        private static <E extends Enum<E>> E enumValue(PackNode node, Class<E> type) {
            String text = node.string();
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text)) {
                    return e;
                }
            }
            throw node.error("unknown " + type.getSimpleName() + " \"" + text + "\"");
        }
    }
}
