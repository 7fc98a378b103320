package dev.routeplan.batch.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes a plan date's operational data once it is past its retention: every row keyed by the
 * date (orders and their rejects and updates, the fleet and conditions as read, routes, stops,
 * compliance checks, revisions, deliveries, artifacts, the files taken in) and the date's output
 * folder on disk: the published files, the revisions' folders and the staged copies of the input.
 * One date is one batch: its files first, then its rows in one transaction, so a purge stopped
 * half-way is finished by the next one. {@code verification_audit} is an audit record (who verified
 * what, under which rule pack) and stays for the audit retention.
 */
public class PlanDatePurge {

    private static final Logger log = LoggerFactory.getLogger(PlanDatePurge.class);

    /** The tables keyed by plan date, those whose rows reference another's first ({@code input_files} last). */
    public static final List<String> TABLES = List.of("deliveries", "plan_revisions", "artifacts", "compliance_checks",
            "route_stops", "routes", "unassigned_orders", "baseline_plans", "order_updates", "order_rejects", "orders",
            "no_entry_permits", "grap_stages", "vehicles", "depots", "schedule_alerts", "run_leases", "input_files");
    /** Keyed by plan date but kept for the audit retention. */
    public static final Set<String> KEPT = Set.of("verification_audit");

    /** What a date's purge removed: rows per table, and files. */
    public record Purged(LocalDate planDate, Map<String, Integer> rows, int files) {

        public int totalRows() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public PlanDatePurge(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The plan dates before {@code cutoff} that still have rows, oldest first. */
    public List<LocalDate> datesBefore(LocalDate cutoff) {
        Set<LocalDate> dates = new TreeSet<>();
        for (String table : TABLES) {
            dates.addAll(jdbc.sql("select distinct plan_date from " + table + " where plan_date < ?").param(cutoff)
                    .query(LocalDate.class).list());
        }
        return List.copyOf(dates);
    }

    public Purged purge(LocalDate planDate) {
        int files = deleteFiles(planDate);
        Map<String, Integer> rows = transactions.execute(status -> {
            Map<String, Integer> deleted = new LinkedHashMap<>();
            for (String table : TABLES) {
                deleted.put(table, jdbc.sql("delete from " + table + " where plan_date = ?").param(planDate).update());
            }
            return deleted;
        });
        return new Purged(planDate, rows, files);
    }

    /**
     * The date's output folder, everything in it: the folder named after the date above the files its
     * rows register (published files, revision folders, staged input), so that files no row names
     * (a rejects workbook, a left-over temporary file) go too. A registered path with no folder named
     * after the date is a mistake; the purge leaves it (and logs it) rather than delete elsewhere.
     */
    private int deleteFiles(LocalDate planDate) {
        List<String> registered = new ArrayList<>();
        registered.addAll(jdbc.sql("select path from artifacts where plan_date = ?").param(planDate).query(String.class).list());
        registered.addAll(jdbc.sql("select staged_path from input_files where plan_date = ?").param(planDate).query(String.class).list());
        registered.addAll(jdbc.sql("select folder from plan_revisions where plan_date = ?").param(planDate).query(String.class).list());
        Set<Path> dateFolders = new LinkedHashSet<>();
        for (String path : registered) {
            Path folder = dateFolder(planDate, Path.of(path));
            if (folder == null) {
                log.warn("the rows of {} name {}, which is not under a folder named {}: left where it is", planDate, path, planDate);
            } else {
                dateFolders.add(folder);
            }
        }
        int deleted = 0;
        for (Path folder : dateFolders) {
            deleted += FileTrees.deleteTree(folder).size();
        }
        return deleted;
    }

    /** The path's folder named after the date ({@code out/2026-12-01} of {@code out/2026-12-01/D1/plan-D1.xlsx}), or null. */
    private static Path dateFolder(LocalDate planDate, Path path) {
        Path normal = path.toAbsolutePath().normalize();
        for (int i = 0; i < normal.getNameCount(); i++) {
            if (normal.getName(i).toString().equals(planDate.toString())) {
                return normal.getRoot().resolve(normal.subpath(0, i + 1));
            }
        }
        return null;
    }
}
