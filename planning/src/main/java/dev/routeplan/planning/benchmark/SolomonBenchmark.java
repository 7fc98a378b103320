package dev.routeplan.planning.benchmark;

import dev.routeplan.planning.solver.SolverSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Solves Solomon instances with the production solver, checks each result with
 * {@link SolomonValidator} and prints one JSON line per instance, then a table per class with the
 * mean gap to the distance-only best known solutions.
 *
 * <pre>
 * SolomonBenchmark [--seconds S] [--parallel N] [--move-threads NONE|AUTO|n] [--portfolio P] [--ruin-share R]
 *                  [--insertion-neighbours K] [FILE...]
 * </pre>
 * {@code --parallel} solves N instances at once; {@code --portfolio} runs P solvers with different
 * seeds on each instance and keeps the best (so N x P threads in all).
 * Without FILE it runs every {@code *.txt} in {@code $SOLOMON_DIR} (default
 * {@code /work/shared/benchmarks/solomon/instances}); a FILE that does not exist is looked up there
 * too, with or without {@code .txt} ({@code C101}). Any Solomon-format file is read (Gehring &amp;
 * Homberger's too); an instance that cannot be read or solved is a JSON line with its error, and
 * the run goes on with the others. {@code bks.csv} and
 * {@code bks_distance_only_variants.csv} are read from its parent folder ({@code $SOLOMON_BKS_DIR}).
 */
public final class SolomonBenchmark {

    static final String DEFAULT_DIR = "/work/shared/benchmarks/solomon/instances";
    private static final Pattern CLASS = Pattern.compile("^(RC|R|C)([12])", Pattern.CASE_INSENSITIVE);
    private static final List<String> CLASSES = List.of("C1", "C2", "R1", "R2", "RC1", "RC2");

    /** One instance's result; {@code error} is why it could not be read or solved (null when it was). */
    record Outcome(String instance, int vehicles, double distance, double seconds, boolean feasible, List<String> violations,
                   String error) {

        static Outcome failed(String instance, Exception cause) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new Outcome(instance, 0, 0, 0, false, List.of(), message);
        }

        boolean failed() {
            return error != null;
        }
    }

    record Reference(double truncated, Double exactDouble) {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        int parallel = 1;
        String moveThreads = "NONE";
        int portfolio = SolverSettings.Search.DEFAULT.portfolio();
        double ruinShare = SolverSettings.Search.DEFAULT.ruinShare();
        int insertionNeighbours = SolverSettings.Search.DEFAULT.insertionNeighbours();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--move-threads" -> moveThreads = args[++i];
                case "--portfolio" -> portfolio = Integer.parseInt(args[++i]);
                case "--ruin-share" -> ruinShare = Double.parseDouble(args[++i]);
                case "--insertion-neighbours" -> insertionNeighbours = Integer.parseInt(args[++i]);
                default -> files.add(instanceFile(args[i]));
            }
        }
        SolverSettings settings = SolverSettings.fullSeconds(seconds).withMoveThreadCount(moveThreads)
                .withSearch(SolverSettings.Search.DEFAULT.withPortfolio(portfolio).withRuinShare(ruinShare)
                        .withInsertionNeighbours(insertionNeighbours));
        report(files, parallel, instance -> new SolomonProblem(instance).solve(settings).routes());
    }

    /** What is benchmarked: routes of customer ids for an instance, each route leaving and ending at the depot. */
    @FunctionalInterface
    public interface Solver {
        List<List<Integer>> solve(SolomonInstance instance);
    }

    /**
     * Solves the instance files with {@code solver} ({@code $SOLOMON_DIR}'s 56 when {@code files} is
     * empty), {@code parallel} at a time, checks each result independently and prints a JSON line per
     * instance and the table of gaps. The routeplan solver and the peers ({@code peers} module) go
     * through here, so they are measured and checked alike.
     */
    public static void report(List<Path> files, int parallel, Solver solver) throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("SOLOMON_DIR", DEFAULT_DIR));
        if (files.isEmpty()) {
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.filter(p -> p.toString().endsWith(".txt")).sorted(SolomonBenchmark::byName).toList();
            }
        }
        Path bksDir = Path.of(System.getenv().getOrDefault("SOLOMON_BKS_DIR", dir.toAbsolutePath().getParent().toString()));
        Map<String, Reference> references = references(bksDir);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, task -> {
            Thread thread = new Thread(task, "solomon");
            thread.setDaemon(true); // a failed solve must not keep the JVM alive
            return thread;
        });
        List<Future<Outcome>> running = new ArrayList<>();
        for (Path file : files) {
            running.add(pool.submit(() -> run(file, solver)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : running) {
            Outcome outcome = future.get();
            outcomes.add(outcome);
            System.out.println(json(outcome, references.get(outcome.instance())));
            outcome.violations().stream().limit(5).forEach(v -> System.err.println("  " + outcome.instance() + ": " + v));
        }
        pool.shutdown();
        System.out.print(table(outcomes, references));
    }

    /** A FILE argument: the path as given when it exists, else that name in {@code $SOLOMON_DIR}, else with {@code .txt}. */
    public static Path instanceFile(String argument) {
        Path given = Path.of(argument);
        if (Files.exists(given)) {
            return given;
        }
        Path dir = Path.of(System.getenv().getOrDefault("SOLOMON_DIR", DEFAULT_DIR));
        Path named = dir.resolve(argument);
        Path withSuffix = dir.resolve(argument + ".txt");
        return Files.exists(named) ? named : Files.exists(withSuffix) ? withSuffix : given;
    }

    /** Reads, solves and checks one instance; a failure of any of these is the outcome's error, not the run's. */
    static Outcome run(Path file, Solver solver) {
        String name = file.getFileName().toString().replaceFirst("(?i)\\.txt$", "");
        try {
            SolomonInstance instance = SolomonReader.read(file);
            name = instance.name();
            long start = System.nanoTime();
            List<List<Integer>> routes = solver.solve(instance);
            double took = (System.nanoTime() - start) / 1e9;
            SolomonValidator.Result check = SolomonValidator.validate(instance, routes);
            return new Outcome(name.toUpperCase(Locale.ROOT), check.routes(), check.distance(), took, check.feasible(),
                    check.violations(), null);
        } catch (RuntimeException e) {
            return Outcome.failed(name.toUpperCase(Locale.ROOT), e);
        }
    }

    static String json(Outcome o, Reference ref) {
        if (o.failed()) {
            return String.format(Locale.ROOT, "{\"instance\":\"%s\",\"error\":\"%s\"}", escape(o.instance()), escape(o.error()));
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "{\"instance\":\"%s\",\"vehicles\":%d,\"distance\":%.2f,\"seconds\":%.1f,\"feasible\":%b",
                o.instance(), o.vehicles(), o.distance(), o.seconds(), o.feasible()));
        if (ref != null) {
            s.append(String.format(Locale.ROOT, ",\"gap_bks_trunc_pct\":%.2f", gap(o.distance(), ref.truncated())));
            if (ref.exactDouble() != null) {
                s.append(String.format(Locale.ROOT, ",\"gap_lkh3_double_pct\":%.2f", gap(o.distance(), ref.exactDouble())));
            }
        }
        return s.append('}').toString();
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> s.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.toString();
    }

    /** The gaps per class over the instances that were solved; those that failed are only counted. */
    static String table(List<Outcome> all, Map<String, Reference> references) {
        List<Outcome> outcomes = all.stream().filter(o -> !o.failed()).toList();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-5s %3s %10s %14s %18s %10s %8s%n", "class", "n", "distance", "gap_bks_trunc%",
                "gap_lkh3_double%", "infeasible", "seconds"));
        List<String> groups = new ArrayList<>(CLASSES);
        groups.add("all");
        for (String group : groups) {
            List<Outcome> in = outcomes.stream().filter(o -> group.equals("all") || group.equals(classOf(o.instance()))).toList();
            if (in.isEmpty()) {
                continue;
            }
            List<Outcome> feasible = in.stream().filter(Outcome::feasible).toList();
            OptionalDouble gapTrunc = feasible.stream().filter(o -> references.containsKey(o.instance()))
                    .mapToDouble(o -> gap(o.distance(), references.get(o.instance()).truncated())).average();
            List<Outcome> withDouble = feasible.stream()
                    .filter(o -> references.containsKey(o.instance()) && references.get(o.instance()).exactDouble() != null).toList();
            OptionalDouble gapDouble = withDouble.stream()
                    .mapToDouble(o -> gap(o.distance(), references.get(o.instance()).exactDouble())).average();
            s.append(String.format(Locale.ROOT, "%-5s %3d %10.2f %14s %18s %10d %8.1f%n", group, in.size(),
                    in.stream().mapToDouble(Outcome::distance).average().orElse(0),
                    gapTrunc.isPresent() ? String.format(Locale.ROOT, "%.2f", gapTrunc.getAsDouble()) : "-",
                    gapDouble.isPresent() ? String.format(Locale.ROOT, "%.2f (n=%d)", gapDouble.getAsDouble(), withDouble.size()) : "-",
                    in.size() - feasible.size(), in.stream().mapToDouble(Outcome::seconds).sum()));
        }
        s.append("gaps are means over feasible results; gap_lkh3_double only where the LKH-3 tour is feasible in double precision\n");
        long failed = all.size() - outcomes.size();
        if (failed > 0) {
            s.append(failed).append(failed == 1 ? " instance" : " instances").append(" failed to read or solve (their JSON lines say why)\n");
        }
        return s.toString();
    }

    static double gap(double distance, double reference) {
        return 100 * (distance - reference) / reference;
    }

    static String classOf(String instance) {
        Matcher m = CLASS.matcher(instance);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) + m.group(2) : "?";
    }

    private static int byName(Path a, Path b) {
        String x = a.getFileName().toString();
        String y = b.getFileName().toString();
        int byClass = Integer.compare(CLASSES.indexOf(classOf(x)), CLASSES.indexOf(classOf(y)));
        return byClass != 0 ? byClass : x.compareTo(y);
    }

    /** distance_dist from bks.csv; lkh3_tour_distance_double where lkh3_tour_feasible_double is yes. */
    static Map<String, Reference> references(Path dir) {
        Map<String, Reference> refs = new LinkedHashMap<>();
        Map<String, Double> doubles = new LinkedHashMap<>();
        try {
            Path variants = dir.resolve("bks_distance_only_variants.csv");
            if (Files.exists(variants)) {
                for (String line : Files.readAllLines(variants).subList(1, Files.readAllLines(variants).size())) {
                    String[] f = line.split(",", -1);
                    if (f.length > 5 && f[5].equals("yes") && !f[4].isEmpty()) {
                        doubles.put(f[0].toUpperCase(Locale.ROOT), Double.parseDouble(f[4]));
                    }
                }
            }
            Path bks = dir.resolve("bks.csv");
            if (Files.exists(bks)) {
                List<String> lines = Files.readAllLines(bks);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",", -1);
                    String name = f[0].toUpperCase(Locale.ROOT);
                    refs.put(name, new Reference(Double.parseDouble(f[4]), doubles.get(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read best-known solutions in " + dir, e);
        }
        return refs;
    }
}
