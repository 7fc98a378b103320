package dev.routeplan.app.runs;

import dev.routeplan.batch.job.PlanRunParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads runs for the API: the list straight from Spring Batch's tables (filtered and paged in
 * SQL, as a year of nightly runs is thousands of rows), one run with its steps likewise.
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

    /** A depot as a start may name it. */
    public record Depot(String id, String name) {
    }

    /**
     * The depots of the newest date that loaded any: what a start of another date most likely
     * has (the date's own {@code depots.csv} is read only when its run begins).
     */
    public List<Depot> depotsOfNewestDate() {
        return jdbc.sql("select depot_id, name from depots where plan_date = (select max(plan_date) from depots) order by depot_id")
                .query((rs, row) -> new Depot(rs.getString("depot_id"), rs.getString("name"))).list();
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

    /**
     * One run with its steps and partitions, in three queries. Not through the job repository: that
     * also reads every step's execution context (one query each, a hundred for a city's night), which
     * the view does not show and which made this the API's costliest read.
     */
    public Optional<RunViews.RunDetail> detail(long id) {
        Map<String, String> p = new HashMap<>();
        jdbc.sql("select parameter_name, parameter_value from batch_job_execution_params where job_execution_id = ?")
                .param(id).query(rs -> {
                    p.put(rs.getString(1), rs.getString(2));
                });
        String stage = p.get(PlanRunParameters.GRAP_STAGE);
        String solverSeconds = p.get(PlanRunParameters.SOLVER_SECONDS);
        String planDate = p.get(PlanRunParameters.PLAN_DATE);
        String attempt = p.get(PlanRunParameters.ATTEMPT);
        RunViews.Parameters parameters = new RunViews.Parameters(stage == null ? null : Integer.valueOf(stage),
                solverSeconds == null ? null : Double.valueOf(solverSeconds), PlanRunParameters.depots(p.get(PlanRunParameters.DEPOTS)));
        List<RunViews.Step> steps = steps(jdbc.sql("""
                        select step_execution_id, step_name, status, read_count, write_count,
                               read_skip_count + process_skip_count + write_skip_count as skip_count, filter_count,
                               commit_count, start_time, end_time, exit_code, exit_message
                         from batch_step_execution where job_execution_id = ? order by step_execution_id""")
                .param(id).query(RunQueries::step).list());
        return jdbc.sql("""
                        select e.job_execution_id, i.job_name, e.status, e.exit_code, e.exit_message, e.start_time, e.end_time
                         from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
                         where e.job_execution_id = ?""")
                .param(id).query((rs, row) -> {
                    LocalDateTime start = local(rs.getTimestamp("start_time"));
                    LocalDateTime end = local(rs.getTimestamp("end_time"));
                    return new RunViews.RunDetail(id, rs.getString("job_name"), planDate == null ? null : LocalDate.parse(planDate),
                            attempt == null ? null : Long.valueOf(attempt), rs.getString("status"), rs.getString("exit_code"),
                            RunViews.message(rs.getString("exit_message")), RunViews.instant(start), RunViews.instant(end),
                            RunViews.duration(start, end), parameters, steps);
                }).optional();
    }

    private static RunViews.Step step(ResultSet rs, int row) throws SQLException {
        LocalDateTime start = local(rs.getTimestamp("start_time"));
        LocalDateTime end = local(rs.getTimestamp("end_time"));
        return new RunViews.Step(rs.getLong("step_execution_id"), rs.getString("step_name"), rs.getString("status"),
                rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("skip_count"), rs.getLong("filter_count"),
                rs.getLong("commit_count"), RunViews.instant(start), RunViews.instant(end), RunViews.duration(start, end),
                rs.getString("exit_code"), RunViews.message(rs.getString("exit_message")), List.of());
    }

    /**
     * The job's steps in the order they ran (by id), each partition under its manager step. A
     * partition's execution is named {@code worker:partition} and is created after its manager's,
     * so it belongs to the last step that is not a partition created before it.
     */
    static List<RunViews.Step> steps(List<RunViews.Step> byId) {
        List<RunViews.Step> managers = new ArrayList<>();
        List<List<RunViews.Step>> partitions = new ArrayList<>();
        for (RunViews.Step step : byId) {
            if (step.name().contains(":") && !managers.isEmpty()) {
                partitions.get(partitions.size() - 1).add(step);
            } else {
                managers.add(step);
                partitions.add(new ArrayList<>());
            }
        }
        List<RunViews.Step> steps = new ArrayList<>();
        for (int i = 0; i < managers.size(); i++) {
            RunViews.Step s = managers.get(i);
            steps.add(new RunViews.Step(s.id(), s.name(), s.status(), s.readCount(), s.writeCount(), s.skipCount(),
                    s.filterCount(), s.commitCount(), s.start(), s.end(), s.duration(), s.exitCode(), s.exitMessage(),
                    List.copyOf(partitions.get(i))));
        }
        return steps;
    }
}
