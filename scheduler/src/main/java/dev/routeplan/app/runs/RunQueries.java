package dev.routeplan.app.runs;

import dev.routeplan.batch.job.PlanRunParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads runs for the API: the list straight from Spring Batch's tables (filtered and paged in
 * SQL, as a year of nightly runs is thousands of rows), one run through the job repository.
 */
@Service
public class RunQueries {

    private final JdbcClient jdbc;
    private final JobRepository jobRepository;

    RunQueries(JdbcClient jdbc, JobRepository jobRepository) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
    }

    /** Which runs to list; every field may be null (no filter). */
    public record Filter(String job, LocalDate from, LocalDate to, BatchStatus status) {
    }

    public RunViews.Page<RunViews.Run> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.job() != null) {
            where.append(" and i.job_name = ?");
            params.add(filter.job());
        }
        if (filter.status() != null) {
            where.append(" and e.status = ?");
            params.add(filter.status().name());
        }
        // plan dates are stored as ISO strings, which sort as the dates do
        if (filter.from() != null) {
            where.append(" and d.parameter_value >= ?");
            params.add(filter.from().toString());
        }
        if (filter.to() != null) {
            where.append(" and d.parameter_value <= ?");
            params.add(filter.to().toString());
        }
        String from = """
                 from batch_job_execution e
                 join batch_job_instance i on i.job_instance_id = e.job_instance_id
                 left join batch_job_execution_params d on d.job_execution_id = e.job_execution_id and d.parameter_name = 'planDate'
                 left join batch_job_execution_params a on a.job_execution_id = e.job_execution_id and a.parameter_name = 'attempt'
                """;
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<RunViews.Run> runs = jdbc.sql("""
                        select e.job_execution_id, i.job_name, e.status, e.exit_code, e.exit_message, e.start_time, e.end_time,
                               d.parameter_value as plan_date, a.parameter_value as attempt""" + from + where
                        + " order by e.job_execution_id desc limit ? offset ?")
                .params(pageParams).query(RunQueries::run).list();
        return new RunViews.Page<>(runs, page, size, total);
    }

    private static RunViews.Run run(ResultSet rs, int row) throws SQLException {
        LocalDateTime start = local(rs.getTimestamp("start_time"));
        LocalDateTime end = local(rs.getTimestamp("end_time"));
        String planDate = rs.getString("plan_date");
        String attempt = rs.getString("attempt");
        return new RunViews.Run(rs.getLong("job_execution_id"), rs.getString("job_name"),
                planDate == null ? null : LocalDate.parse(planDate), attempt == null ? null : Long.valueOf(attempt),
                rs.getString("status"), rs.getString("exit_code"), RunViews.message(rs.getString("exit_message")),
                RunViews.instant(start), RunViews.instant(end), RunViews.duration(start, end));
    }

    private static LocalDateTime local(Timestamp time) {
        return time == null ? null : time.toLocalDateTime();
    }

    public Optional<JobExecution> execution(long id) {
        return find(jobRepository, id);
    }

    /** The execution of the id; Spring Batch's JDBC repository throws rather than answer null for an unknown one. */
    static Optional<JobExecution> find(JobRepository jobRepository, long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    public Optional<RunViews.RunDetail> detail(long id) {
        return execution(id).map(RunQueries::detail);
    }

    static RunViews.RunDetail detail(JobExecution e) {
        JobParameters p = e.getJobParameters();
        String planDate = p.getString(PlanRunParameters.PLAN_DATE);
        Long stage = p.getLong(PlanRunParameters.GRAP_STAGE);
        RunViews.Parameters parameters = new RunViews.Parameters(stage == null ? null : stage.intValue(),
                p.getDouble(PlanRunParameters.SOLVER_SECONDS), PlanRunParameters.depots(p.getString(PlanRunParameters.DEPOTS)));
        return new RunViews.RunDetail(e.getId(), e.getJobInstance().getJobName(),
                planDate == null ? null : LocalDate.parse(planDate), p.getLong(PlanRunParameters.ATTEMPT),
                e.getStatus().name(), e.getExitStatus().getExitCode(), RunViews.message(e.getExitStatus().getExitDescription()),
                RunViews.instant(e.getStartTime()), RunViews.instant(e.getEndTime()),
                RunViews.duration(e.getStartTime(), e.getEndTime()), parameters, steps(e));
    }

    /**
     * The job's steps in the order they ran, each partition under its manager step. A partition's
     * execution is named {@code worker:partition} and is created after its manager's, so it belongs
     * to the last step that is not a partition created before it.
     */
    static List<RunViews.Step> steps(JobExecution execution) {
        List<StepExecution> all = execution.getStepExecutions().stream()
                .sorted(Comparator.comparingLong(StepExecution::getId)).toList();
        List<RunViews.Step> steps = new ArrayList<>();
        List<StepExecution> managers = new ArrayList<>();
        List<List<RunViews.Step>> partitions = new ArrayList<>();
        for (StepExecution step : all) {
            if (step.getStepName().contains(":") && !managers.isEmpty()) {
                partitions.get(partitions.size() - 1).add(step(step, List.of()));
            } else {
                managers.add(step);
                partitions.add(new ArrayList<>());
            }
        }
        for (int i = 0; i < managers.size(); i++) {
            steps.add(step(managers.get(i), partitions.get(i)));
        }
        return steps;
    }

    private static RunViews.Step step(StepExecution s, List<RunViews.Step> partitions) {
        return new RunViews.Step(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                s.getSkipCount(), s.getFilterCount(), s.getCommitCount(), RunViews.instant(s.getStartTime()),
                RunViews.instant(s.getEndTime()), RunViews.duration(s.getStartTime(), s.getEndTime()),
                s.getExitStatus().getExitCode(), RunViews.message(s.getExitStatus().getExitDescription()), List.copyOf(partitions));
    }
}
