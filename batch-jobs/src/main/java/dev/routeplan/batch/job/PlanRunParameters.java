package dev.routeplan.batch.job;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one {@code nightlyPlanJob} run. The plan date and the attempt identify the
 * job instance: a restart continues the same attempt, a re-run of a date starts the next one.
 * {@code grapStage} fixes the GRAP stage for the run; null means the date's calendar ({@code grap.csv}).
 */
public record PlanRunParameters(
        LocalDate planDate, long attempt, Path inputDir, Path outputDir, Integer grapStage, double solverSeconds) {

    public static final String PLAN_DATE = "planDate";
    public static final String ATTEMPT = "attempt";
    public static final String INPUT_DIR = "inputDir";
    public static final String OUTPUT_DIR = "outputDir";
    public static final String GRAP_STAGE = "grapStage";
    public static final String SOLVER_SECONDS = "solverSeconds";

    public PlanRunParameters {
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
                parameters.getDouble(SOLVER_SECONDS));
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
        return builder.toJobParameters();
    }

    /** Where this date's outputs go: {@code OUTPUT/DATE/}. */
    public Path runOutputDir() {
        return outputDir.resolve(planDate.toString());
    }
}
