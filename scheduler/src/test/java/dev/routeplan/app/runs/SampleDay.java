package dev.routeplan.app.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The files of {@code samples/} in an input folder of the test's own, and the application's
 * {@link PlanRuns} pointed at it and at an output folder beside it: the set-up every test of a
 * sample day shares. A test asks for one as a parameter of its method ({@link Resolver}, which
 * {@link PlanJobTest} registers) and the folders are deleted after it.
 */
final class SampleDay implements AutoCloseable {

    static final Path SAMPLES = Path.of("../samples");

    private final Path folder;
    private final PlanRuns runs;

    private SampleDay(Path folder, PlanRuns runs) {
        this.folder = folder;
        this.runs = runs;
    }

    /** Copies the sample files (every {@code .csv} of {@code samples/}) into {@code folder}. */
    static Path copySamplesInto(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    /** The input folder, holding the sample files; a test may add to it before it runs the day. */
    Path input() {
        return folder.resolve("input");
    }

    /** The output folder of the runs; each date's files are in a folder of its own below it. */
    Path output() {
        return folder.resolve("out");
    }

    PlanOutputs outputs(LocalDate date) {
        return new PlanOutputs(output().resolve(date.toString()));
    }

    JobExecution run(LocalDate date, Integer grapStage, double solverSeconds) throws Exception {
        return runs.run(date, input(), output(), grapStage, solverSeconds);
    }

    JobExecution ingest(LocalDate date) throws Exception {
        return runs.ingest(date, input(), output());
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Gives each test method that asks for a {@link SampleDay} a new one, with the PlanRuns of the
     * test's Spring application; JUnit closes it, deleting its folders, when the method is done.
     */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SampleDay.class;
        }

        @Override
        public SampleDay resolveParameter(ParameterContext parameter, ExtensionContext context) {
            PlanRuns runs = SpringExtension.getApplicationContext(context).getBean(PlanRuns.class);
            return context.getStore(ExtensionContext.Namespace.create(SampleDay.class))
                    .computeIfAbsent(SampleDay.class, key -> create(runs), SampleDay.class);
        }

        private static SampleDay create(PlanRuns runs) {
            try {
                SampleDay day = new SampleDay(Files.createTempDirectory("routeplan-sample-day"), runs);
                copySamplesInto(day.input());
                return day;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
