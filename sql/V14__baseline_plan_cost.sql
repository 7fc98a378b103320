-- The hand plan's running cost (each vehicle it uses: fixed cost plus km at its rate per km, what the
-- solver's score minimises), so the summary can compare cost per served order. The hand plan's routes
-- are not stored, so its cost cannot be worked out later from what is; the optimised plan's is, from
-- routes and vehicles. Rows written before this column have none: their cost reads "not recorded".
alter table baseline_plans add column cost double precision;
