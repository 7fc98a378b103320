-- The deadline alerts raised: one row per schedule and plan date, so the alert (log line, mail to
-- the ops list) goes out once per night across the cluster, however many nodes watch the deadline.
create table schedule_alerts (
    schedule   varchar(100)  not null,
    plan_date  date          not null,
    raised_at  timestamp with time zone not null,
    deadline   timestamp with time zone not null,
    reason     varchar(1000) not null,
    primary key (schedule, plan_date)
);
