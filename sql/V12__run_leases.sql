-- One row per plan date being run, by any node: the database, not a JVM lock, decides that no
-- two runs of a date overlap in one process or across a cluster. The running node refreshes
-- heartbeat_at; a lease whose heartbeat is older than routeplan.runs.stale-after belongs to a
-- dead node and may be taken over, and its STARTED execution recovered.
create table run_leases (
    plan_date         date          not null primary key,
    job_execution_id  bigint,
    node              varchar(200)  not null,
    acquired_at       timestamp with time zone not null,
    heartbeat_at      timestamp with time zone not null
);
create index run_leases_node on run_leases (node);
