-- What a dispatcher's hand plan (nearest neighbour, first vehicle that fits) would have driven,
-- per depot, beside the optimised plan: the efficiency comparison.
create table baseline_plans (
    plan_date      date        not null,
    depot_id       varchar(32) not null,
    distance_km    double precision not null,
    orders_served  integer     not null,
    primary key (plan_date, depot_id)
);
