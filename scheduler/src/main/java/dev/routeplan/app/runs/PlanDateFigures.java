package dev.routeplan.app.runs;

import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a plan date holds now: its orders taken in, routes planned, routes blocked and orders left
 * unassigned. The tables keep one plan per date, which each run of the date replaces step by step,
 * so the figures belong to the date's newest planning run, and only once it COMPLETED: an older
 * run's figures were overwritten, a failed one's are half old and half new.
 */
@Service
public class PlanDateFigures {

    /** The date's plan as its newest run left it. */
    public record Figures(long orders, long routes, long blocked, long unassigned) {
    }

    private final JdbcClient jdbc;

    PlanDateFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of each run of the list that is its date's newest planning run and COMPLETED, by run id. */
    public Map<Long, Figures> ofNewestCompleted(List<RunViews.Run> runs) {
        List<RunViews.Run> planning = runs.stream()
                .filter(run -> NightlyPlanJobConfiguration.JOB_NAME.equals(run.job()) && run.planDate() != null)
                .toList();
        if (planning.isEmpty()) {
            return Map.of();
        }
        List<String> dates = planning.stream().map(run -> run.planDate().toString()).distinct().toList();
        Map<String, Long> newest = new HashMap<>();
        jdbc.sql("""
                        select d.parameter_value as plan_date, max(e.job_execution_id) as newest
                         from batch_job_execution e
                         join batch_job_instance i on i.job_instance_id = e.job_instance_id
                         join batch_job_execution_params d on d.job_execution_id = e.job_execution_id and d.parameter_name = 'planDate'
                         where i.job_name = :job and d.parameter_value in (:dates)
                         group by d.parameter_value""")
                .param("job", NightlyPlanJobConfiguration.JOB_NAME).param("dates", dates)
                .query(rs -> {
                    newest.put(rs.getString("plan_date"), rs.getLong("newest"));
                });
        List<LocalDate> completedDates = planning.stream()
                .filter(run -> "COMPLETED".equals(run.status()))
                .filter(run -> Objects.equals(newest.get(run.planDate().toString()), run.id()))
                .map(RunViews.Run::planDate).distinct().toList();
        if (completedDates.isEmpty()) {
            return Map.of();
        }
        Map<LocalDate, long[]> counts = new HashMap<>();
        completedDates.forEach(date -> counts.put(date, new long[4]));
        count("select plan_date, count(*) from orders where plan_date in (:dates) group by plan_date", completedDates, counts, 0);
        count("select plan_date, count(*) from routes where plan_date in (:dates) group by plan_date", completedDates, counts, 1);
        count("select plan_date, count(*) from routes where plan_date in (:dates) and status = 'BLOCKED' group by plan_date",
                completedDates, counts, 2);
        count("select plan_date, count(*) from unassigned_orders where plan_date in (:dates) group by plan_date",
                completedDates, counts, 3);
        Map<Long, Figures> figures = new HashMap<>();
        for (RunViews.Run run : planning) {
            long[] c = counts.get(run.planDate());
            if (c != null && Objects.equals(newest.get(run.planDate().toString()), run.id())) {
                figures.put(run.id(), new Figures(c[0], c[1], c[2], c[3]));
            }
        }
        return figures;
    }

    private void count(String sql, List<LocalDate> dates, Map<LocalDate, long[]> counts, int column) {
        jdbc.sql(sql).param("dates", dates).query(rs -> {
            counts.get(rs.getObject(1, LocalDate.class))[column] = rs.getLong(2);
        });
    }
}
