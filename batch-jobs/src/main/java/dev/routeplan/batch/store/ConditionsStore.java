package dev.routeplan.batch.store;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.GrapStageChange;
import dev.routeplan.planning.compliance.verify.NoEntryPermit;
import dev.routeplan.planning.domain.TimeWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The legal conditions of a plan date: no-entry permits and the GRAP stage calendar. */
public class ConditionsStore {

    private final JdbcClient jdbc;

    public ConditionsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(LocalDate planDate, List<NoEntryPermit> permits, List<GrapStageChange> grap) {
        jdbc.sql("delete from no_entry_permits where plan_date = ?").param(planDate).update();
        jdbc.sql("delete from grap_stages where plan_date = ?").param(planDate).update();
        for (NoEntryPermit p : permits) {
            jdbc.sql("""
                    insert into no_entry_permits (plan_date, permit_no, vehicle_id, zones, window_start, window_end, valid_from, valid_to)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planDate, p.permitNo(), p.vehicleId(), String.join(";", p.zones()), p.window().start(),
                            p.window().end(), p.validFrom(), p.validTo())
                    .update();
        }
        for (GrapStageChange g : grap) {
            jdbc.sql("insert into grap_stages (plan_date, effective_from, stage, source) values (?, ?, ?, ?)")
                    .params(planDate, g.effectiveFrom(), g.stage(), g.source()).update();
        }
    }

    public List<NoEntryPermit> permits(LocalDate planDate) {
        return jdbc.sql("select * from no_entry_permits where plan_date = ? order by permit_no").param(planDate)
                .query((rs, n) -> new NoEntryPermit(rs.getString("permit_no"), rs.getString("vehicle_id"), zones(rs.getString("zones")),
                        new TimeWindow(rs.getObject("window_start", LocalTime.class), rs.getObject("window_end", LocalTime.class)),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /**
     * The date's calendar from {@code grap.csv}, or stage 0 when none was given; a stage fixed for
     * the run ({@code --grap-stage}) replaces it.
     */
    public GrapCalendar grapCalendar(LocalDate planDate, Integer fixedStage) {
        if (fixedStage != null) {
            return GrapCalendar.constant(fixedStage, "run parameter --grap-stage " + fixedStage);
        }
        List<GrapStageChange> changes = jdbc.sql("select * from grap_stages where plan_date = ? order by effective_from")
                .param(planDate)
                .query((rs, n) -> new GrapStageChange(rs.getObject("effective_from", OffsetDateTime.class), rs.getInt("stage"),
                        rs.getString("source")))
                .list();
        return changes.isEmpty() ? GrapCalendar.constant(0, "no GRAP stage in force (no grap.csv, no --grap-stage)")
                : new GrapCalendar(changes, "grap.csv: " + changes.stream().map(GrapStageChange::source).distinct()
                        .collect(Collectors.joining("; ")));
    }

    private static Set<String> zones(String joined) {
        return Arrays.stream(joined.split(";")).filter(z -> !z.isBlank()).collect(Collectors.toSet());
    }
}
