package dev.routeplan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The weighted kinds of request a load sends, read from a mix file: one kind a line,
 * {@code NAME WEIGHT AUTH PATH}, where AUTH is {@code token} (the bearer token) or {@code anon},
 * and PATH is a path with its query or {@code @FILE}, a file of paths one a line (one of them
 * is picked at random for each request, e.g. the detail of one of the seeded runs).
 * Blank lines and lines starting with {@code #} are skipped.
 */
record RequestMix(List<Kind> kinds, int totalWeight) {

    /** One kind of request: its share of the load and the paths it picks from. */
    record Kind(String name, int weight, boolean authenticated, List<String> paths) {

        String pick(SplittableRandom random) {
            return paths.size() == 1 ? paths.get(0) : paths.get(random.nextInt(paths.size()));
        }
    }

    RequestMix {
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("the mix names no request");
        }
    }

    static RequestMix of(List<Kind> kinds) {
        return new RequestMix(kinds, kinds.stream().mapToInt(Kind::weight).sum());
    }

    static RequestMix read(Path file) throws IOException {
        List<Kind> kinds = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 4 || !fields[1].matches("[1-9][0-9]*") || !fields[2].matches("token|anon")) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": expected NAME WEIGHT token|anon PATH, got: " + line);
            }
            List<String> paths = fields[3].startsWith("@") ? pathsIn(file.resolveSibling(fields[3].substring(1))) : List.of(fields[3]);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": " + fields[3] + " lists no path");
            }
            for (String path : paths) {
                if (!path.startsWith("/")) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": not a path: " + path);
                }
            }
            kinds.add(new Kind(fields[0], Integer.parseInt(fields[1]), fields[2].equals("token"), List.copyOf(paths)));
        }
        return of(kinds);
    }

    private static List<String> pathsIn(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** The kind of the next request, drawn by weight. */
    int pick(SplittableRandom random) {
        int ticket = random.nextInt(totalWeight);
        for (int i = 0; i < kinds.size(); i++) {
            ticket -= kinds.get(i).weight();
            if (ticket < 0) {
                return i;
            }
        }
        throw new AssertionError("weights do not add up");
    }
}
