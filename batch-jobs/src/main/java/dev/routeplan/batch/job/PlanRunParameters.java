package dev.routeplan.batch.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one {@code nightlyPlanJob} run. The plan date and the attempt identify the
 * job instance: a restart continues the same attempt, a re-run of a date starts the next one.
 * {@code grapStage} fixes the GRAP stage for the run; null means the date's calendar ({@code grap.csv}).
 * {@code depots} limits the depot-partitioned steps (optimise, verify) to those depots; empty means
 * every depot of the date. Depots left out keep the plan they had, and publish takes them as stored.
 */
public record PlanRunParameters(
        LocalDate planDate, long attempt, Path inputDir, Path outputDir, Integer grapStage, double solverSeconds,
        List<String> depots) {

    public static final String PLAN_DATE = "planDate";
    public static final String ATTEMPT = "attempt";
    public static final String INPUT_DIR = "inputDir";
    public static final String OUTPUT_DIR = "outputDir";
    public static final String GRAP_STAGE = "grapStage";
    public static final String SOLVER_SECONDS = "solverSeconds";
    public static final String DEPOTS = "depots";

    /** What a depot id may be: it names folders and files, so nothing that could leave one. */
    public static final Pattern DEPOT_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public PlanRunParameters(LocalDate planDate, long attempt, Path inputDir, Path outputDir, Integer grapStage,
                             double solverSeconds) {
        this(planDate, attempt, inputDir, outputDir, grapStage, solverSeconds, List.of());
    }

    public PlanRunParameters {
        depots = depots == null ? List.of() : List.copyOf(depots);
        for (String depot : depots) {
            if (!DEPOT_ID.matcher(depot).matches()) {
                throw new IllegalArgumentException("depot id must be 1 to 32 letters, digits, '_' or '-', was '" + depot + "'");
            }
        }
        if (grapStage != null && (grapStage < 0 || grapStage > 4)) {
            throw new IllegalArgumentException("GRAP stage must be 0 to 4, was " + grapStage);
        }
        if (solverSeconds <= 0) {
            throw new IllegalArgumentException("solver seconds must be positive, was " + solverSeconds);
        }
    }

    public static PlanRunParameters from(JobParameters parameters) {
        return new PlanRunParameters(
                LocalDate.parse(parameters.getString(PLAN_DATE)),
                parameters.getLong(ATTEMPT),
                Path.of(parameters.getString(INPUT_DIR)),
                Path.of(parameters.getString(OUTPUT_DIR)),
                parameters.getLong(GRAP_STAGE) == null ? null : parameters.getLong(GRAP_STAGE).intValue(),
                parameters.getDouble(SOLVER_SECONDS),
                depots(parameters.getString(DEPOTS)));
    }

    /** The depots of a {@value #DEPOTS} job parameter (comma-separated); empty for none or blank. */
    public static List<String> depots(String parameter) {
        return parameter == null || parameter.isBlank() ? List.of()
                : Arrays.stream(parameter.split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList();
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(PLAN_DATE, planDate.toString(), true)
                .addLong(ATTEMPT, attempt, true)
                .addString(INPUT_DIR, inputDir.toAbsolutePath().normalize().toString(), false)
                .addString(OUTPUT_DIR, outputDir.toAbsolutePath().normalize().toString(), false)
                .addDouble(SOLVER_SECONDS, solverSeconds, false);
        if (grapStage != null) {
            builder.addLong(GRAP_STAGE, (long) grapStage, false);
        }
        if (!depots.isEmpty()) {
            builder.addString(DEPOTS, String.join(",", depots), false);
        }
        return builder.toJobParameters();
    }

    /** Where this date's outputs go: {@code OUTPUT/DATE/}. */
    public Path runOutputDir() {
        return outputDir.resolve(planDate.toString());
    }
}
