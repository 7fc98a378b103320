-- The API pages through a date's rejected rows in file and row order
-- (GET /api/v1/rejects/{date}); without this index every page scans the table.
create index order_rejects_by_date on order_rejects (plan_date, file_id, row_number);
