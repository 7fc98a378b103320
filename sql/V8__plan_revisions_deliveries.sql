-- Published revisions of each depot's plan (depot_id '*' for the run-wide files) and their
-- delivery to the SFTP outbox and by mail. A revision is decided by a fingerprint of what the
-- files say, not of their bytes (XLSX and PDF carry timestamps), so publishing the same plan
-- again adds nothing.
create table plan_revisions (
    plan_date     date          not null,
    depot_id      varchar(32)   not null,
    revision      integer       not null,
    fingerprint   char(64)      not null,
    attempt       bigint        not null,
    folder        varchar(1024) not null,
    published_at  timestamp with time zone not null,
    primary key (plan_date, depot_id, revision)
);

create table deliveries (
    plan_date     date          not null,
    depot_id      varchar(32)   not null,
    revision      integer       not null,
    channel       varchar(8)    not null,   -- SFTP or MAIL
    target        varchar(1024) not null,
    status        varchar(8)    not null,   -- PENDING, SENT or FAILED
    attempts      integer       not null,
    last_error    varchar(2000),
    updated_at    timestamp with time zone not null,
    primary key (plan_date, depot_id, revision, channel)
);
