package dev.routeplan.app.runs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leases of plan dates ({@code run_leases}): one row per date being run. Taking one is an
 * insert the primary key lets only one node win, so no two runs of a date overlap in one process
 * or across a cluster. Times are the database's, so the nodes' clocks need not agree.
 */
@Repository
public class RunLeases {

    private final JdbcClient jdbc;
    private final RunsProperties properties;
    /** The dates this process holds a lease of, refreshed by {@link #heartbeat()}. */
    private final Set<LocalDate> held = ConcurrentHashMap.newKeySet();

    RunLeases(JdbcClient jdbc, RunsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Claims the date for this node, taking over a lease of a dead node.
     *
     * @throws RunAlreadyRunning when a live node (this one included) holds the date
     */
    public void acquire(LocalDate planDate) {
        try {
            jdbc.sql("insert into run_leases (plan_date, job_execution_id, node, acquired_at, heartbeat_at) "
                            + "values (?, null, ?, current_timestamp, current_timestamp)")
                    .params(planDate, ThisNode.NAME).update();
            held.add(planDate);
            return;
        } catch (DuplicateKeyException taken) {
            // the date is leased: by a live node (refused) or a dead one (taken over below)
        }
        RunLease lease = find(planDate).orElseThrow(() -> new RunAlreadyRunning(planDate, null, "another node"));
        if (lease.alive(now(), properties.staleAfter())) {
            throw new RunAlreadyRunning(planDate, lease.jobExecutionId(), lease.node());
        }
        // compare-and-set on what was read: of two nodes taking over one dead lease, one wins
        int taken = jdbc.sql("update run_leases set job_execution_id = null, node = ?, acquired_at = current_timestamp, "
                        + "heartbeat_at = current_timestamp where plan_date = ? and node = ? and heartbeat_at = ?")
                .params(ThisNode.NAME, planDate, lease.node(), lease.heartbeatAt()).update();
        if (taken != 1) {
            throw new RunAlreadyRunning(planDate, lease.jobExecutionId(), "another node");
        }
        held.add(planDate);
    }

    /** Names the execution running under this node's lease of the date; false when this node holds none. */
    boolean attach(LocalDate planDate, long jobExecutionId) {
        return jdbc.sql("update run_leases set job_execution_id = ?, heartbeat_at = current_timestamp "
                        + "where plan_date = ? and node = ?")
                .params(jobExecutionId, planDate, ThisNode.NAME).update() == 1;
    }

    /**
     * Gives the date up, if this node holds it for the execution: null for a claim whose job never
     * began. A job refused its lease must not release the lease of the run that has it.
     */
    public void release(LocalDate planDate, Long jobExecutionId) {
        int released = jobExecutionId == null
                ? jdbc.sql("delete from run_leases where plan_date = ? and node = ? and job_execution_id is null")
                .params(planDate, ThisNode.NAME).update()
                : jdbc.sql("delete from run_leases where plan_date = ? and node = ? and job_execution_id = ?")
                .params(planDate, ThisNode.NAME, jobExecutionId).update();
        if (released > 0) {
            held.remove(planDate);
        }
    }

    /** Drops the lease a dead node held for the execution, once the execution is recovered. */
    void dropDead(LocalDate planDate, long jobExecutionId) {
        jdbc.sql("delete from run_leases where plan_date = ? and job_execution_id = ? and node <> ?")
                .params(planDate, jobExecutionId, ThisNode.NAME).update();
    }

    /** Refreshes the leases this process holds. */
    void heartbeat() {
        for (LocalDate date : List.copyOf(held)) {
            jdbc.sql("update run_leases set heartbeat_at = current_timestamp where plan_date = ? and node = ?")
                    .params(date, ThisNode.NAME).update();
        }
    }

    public Optional<RunLease> find(LocalDate planDate) {
        return jdbc.sql("select * from run_leases where plan_date = ?").param(planDate)
                .query((rs, n) -> new RunLease(rs.getObject("plan_date", LocalDate.class),
                        rs.getObject("job_execution_id", Long.class), rs.getString("node"),
                        rs.getObject("acquired_at", OffsetDateTime.class), rs.getObject("heartbeat_at", OffsetDateTime.class)))
                .optional();
    }

    /** Whether the lease may still be held by a running node, judged by the database's clock. */
    public boolean alive(RunLease lease) {
        return lease.alive(now(), properties.staleAfter());
    }

    private OffsetDateTime now() {
        return jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single();
    }
}
