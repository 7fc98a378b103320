package dev.routeplan.planning.benchmark;

import dev.routeplan.planning.solver.SolverSettings;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares named variants of the solver's search on a fixed subset of Solomon instances, all in
 * one run: on a shared machine the timings drift with the load, so variants are only comparable
 * side by side. Runs are interleaved (each instance with every variant in turn) so a busy spell
 * hurts all variants alike. Prints a table per variant and a summary line for each.
 *
 * <pre>
 * SolverTuning [--seconds S] [--parallel N] [--config FILE] [--variants a,b,...] [--wall-clock]
 * </pre>
 * S is CPU seconds of each solving thread (so results do not depend on what else runs), or
 * wall-clock seconds with {@code --wall-clock}.
 * The config (default {@code planning/benchmarks/tuning.properties}) names the instances and the
 * variants, each a set of overrides of {@link SolverSettings.Search#DEFAULT}.
 */
public final class SolverTuning {

    static final String DEFAULT_CONFIG = "planning/benchmarks/tuning.properties";

    record Variant(String name, SolverSettings.Search search) {
    }

    record Config(List<String> instances, List<Variant> variants) {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        int parallel = 1;
        Path configFile = Path.of(DEFAULT_CONFIG);
        List<String> only = List.of();
        boolean cpu = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--config" -> configFile = Path.of(args[++i]);
                case "--variants" -> only = List.of(args[++i].split(","));
                case "--wall-clock" -> cpu = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Config config = read(configFile);
        List<String> selected = only;
        List<Variant> variants = config.variants().stream().filter(v -> selected.isEmpty() || selected.contains(v.name())).toList();
        Path dir = Path.of(System.getenv().getOrDefault("SOLOMON_DIR", SolomonBenchmark.DEFAULT_DIR));
        Path bksDir = Path.of(System.getenv().getOrDefault("SOLOMON_BKS_DIR", dir.toAbsolutePath().getParent().toString()));
        Map<String, SolomonBenchmark.Reference> references = SolomonBenchmark.references(bksDir);
        System.out.printf(Locale.ROOT, "tuning: %d variants x %d instances, %.0f %s s each, %d in parallel%n",
                variants.size(), config.instances().size(), seconds, cpu ? "CPU" : "wall-clock", parallel);

        ExecutorService pool = Executors.newFixedThreadPool(parallel, task -> {
            Thread thread = new Thread(task, "tuning");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, List<Future<SolomonBenchmark.Outcome>>> running = new LinkedHashMap<>();
        variants.forEach(v -> running.put(v.name(), new ArrayList<>()));
        for (String instance : config.instances()) {
            Path file = dir.resolve(instance + ".txt");
            for (Variant variant : variants) {
                SolverSettings settings = (cpu ? SolverSettings.cpuSeconds(seconds) : SolverSettings.fullSeconds(seconds))
                        .withSearch(variant.search());
                SolomonBenchmark.Solver solver = solomon -> new SolomonProblem(solomon).solve(settings).routes();
                running.get(variant.name()).add(pool.submit(() -> SolomonBenchmark.run(file, solver)));
            }
        }
        Map<String, List<SolomonBenchmark.Outcome>> outcomes = new LinkedHashMap<>();
        for (Variant variant : variants) {
            List<SolomonBenchmark.Outcome> done = new ArrayList<>();
            for (Future<SolomonBenchmark.Outcome> future : running.get(variant.name())) {
                done.add(future.get());
            }
            outcomes.put(variant.name(), done);
            System.out.println("== " + variant.name() + ": " + variant.search());
            done.forEach(o -> System.out.println(SolomonBenchmark.json(o, references.get(o.instance()))));
            System.out.print(SolomonBenchmark.table(done, references));
        }
        pool.shutdown();
        System.out.print(summary(outcomes, references));
    }

    /** One line per variant: mean gap to the LKH-3 double-precision tours, per class and over all, and infeasible results. */
    static String summary(Map<String, List<SolomonBenchmark.Outcome>> outcomes, Map<String, SolomonBenchmark.Reference> references) {
        List<String> groups = new ArrayList<>(List.of("C1", "C2", "R1", "R2", "RC1", "RC2", "all"));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%nmean gap_lkh3_double%% by variant%n%-16s", "variant"));
        groups.forEach(g -> s.append(String.format(Locale.ROOT, " %6s", g)));
        s.append(String.format(Locale.ROOT, " %10s%n", "infeasible"));
        outcomes.forEach((name, list) -> {
            s.append(String.format(Locale.ROOT, "%-16s", name));
            for (String group : groups) {
                OptionalDouble gap = list.stream()
                        .filter(o -> o.feasible() && (group.equals("all") || group.equals(SolomonBenchmark.classOf(o.instance()))))
                        .filter(o -> references.containsKey(o.instance()) && references.get(o.instance()).exactDouble() != null)
                        .mapToDouble(o -> SolomonBenchmark.gap(o.distance(), references.get(o.instance()).exactDouble()))
                        .average();
                s.append(gap.isPresent() ? String.format(Locale.ROOT, " %6.2f", gap.getAsDouble()) : String.format(" %6s", "-"));
            }
            s.append(String.format(Locale.ROOT, " %10d%n", list.stream().filter(o -> !o.feasible()).count()));
        });
        return s.toString();
    }

    static Config read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        List<String> instances = List.of(properties.getProperty("instances", "").trim().split("\\s*,\\s*"));
        List<String> order = List.of(properties.getProperty("variants", "").trim().split("\\s*,\\s*"));
        List<Variant> variants = new ArrayList<>();
        for (String name : order) {
            String overrides = properties.getProperty("variant." + name);
            if (overrides == null) {
                throw new IllegalArgumentException(file + ": variant " + name + " is listed but has no variant." + name + " line");
            }
            variants.add(new Variant(name, search(overrides)));
        }
        return new Config(instances, variants);
    }

    /** {@code "ruinShare=0.01 lateAcceptanceSize=200"}: the default search with those components changed. */
    static SolverSettings.Search search(String overrides) {
        RecordComponent[] components = SolverSettings.Search.class.getRecordComponents();
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (RecordComponent component : components) {
                values.put(component.getName(), component.getAccessor().invoke(SolverSettings.Search.DEFAULT));
            }
            for (String pair : overrides.trim().split("\\s+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                Object old = values.get(kv[0]);
                if (old == null || kv.length < 2) {
                    throw new IllegalArgumentException("not a search setting: " + pair + " (settings: " + values.keySet() + ")");
                }
                values.put(kv[0], old instanceof Integer ? (Object) Integer.valueOf(kv[1]) : (Object) Double.valueOf(kv[1]));
            }
            Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return SolverSettings.Search.class.getDeclaredConstructor(types).newInstance(values.values().toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build search settings from " + overrides, e);
        }
    }
}
