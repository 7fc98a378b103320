-- The same order id in a later file of the date replaces the order; each replacement is kept here.
create table order_updates (
    plan_date        date        not null,
    order_id         varchar(64) not null,
    previous_file_id bigint      not null references input_files (id),
    file_id          bigint      not null references input_files (id),
    row_number       integer     not null,
    updated_at       timestamp with time zone not null,
    primary key (plan_date, order_id, file_id)
);

-- A file refused whole (unreadable, too large, wrong format) keeps its reason here.
alter table input_files add column reject_code varchar(32);
alter table input_files add column reject_message varchar(2000);
