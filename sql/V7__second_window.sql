-- An order may take goods in a second time window (e.g. 09:00-11:00 and 16:00-18:00): both
-- columns set, or both null for an order with one window. Nullable, so the ALTER is instant
-- and earlier dates' rows stay as they are.
alter table orders add column window2_start time;
alter table orders add column window2_end time;
