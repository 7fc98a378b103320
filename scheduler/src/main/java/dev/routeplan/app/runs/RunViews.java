package dev.routeplan.app.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** What the runs API shows of a run, its steps and its partitions. Times are instants; durations ISO-8601. */
public final class RunViews {

    private RunViews() {
    }

    /**
     * A run in a list.
     *
     * @param id       the job execution id
     * @param status   Spring Batch's status name: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
     * @param duration from start to end (or to now while it runs); null before it started
     */
    public record Run(long id, String job, LocalDate planDate, Long attempt, String status, String exitCode,
                      String exitMessage, Instant start, Instant end, String duration) {
    }

    /** One run with its steps; a partitioned step lists its partitions. */
    public record RunDetail(long id, String job, LocalDate planDate, Long attempt, String status, String exitCode,
                            String exitMessage, Instant start, Instant end, String duration, Parameters parameters,
                            List<Step> steps) {
    }

    /** The parameters a run was started with that a user chose. */
    public record Parameters(Integer grapStage, Double solverSeconds, List<String> depots) {
    }

    /** A step, or a partition of one ({@code partitions} empty). */
    public record Step(long id, String name, String status, long readCount, long writeCount, long skipCount,
                       long filterCount, long commitCount, Instant start, Instant end, String duration,
                       String exitCode, String exitMessage, List<Step> partitions) {
    }

    /** A page of runs: {@code page} counts from 0. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    static Instant instant(LocalDateTime time) {
        // Spring Batch keeps local times of the node's zone
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }

    static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return null;
        }
        return Duration.between(start, end != null ? end : LocalDateTime.now()).toString();
    }

    /** The first line of an exit description: Spring Batch puts whole stack traces there, the API shows none. */
    static String message(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return null;
        }
        String first = exitDescription.strip().lines().findFirst().orElse("");
        return first.length() <= 500 ? first : first.substring(0, 497) + "...";
    }
}
