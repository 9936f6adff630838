-- Both groups' yearly rates per 100,000 for each programme and outcome (the municipalities
-- taking part and the others). series_rows is a frame the policy_effects asset computes
-- (pipeline/domain/statistics/policy_effects.py), written with policy_effects.sql.
create table if not exists indicators.policy_series (
    year integer not null,
    programme varchar not null,
    source varchar not null,
    outcome varchar not null,
    "group" varchar not null,
    data_year integer not null,
    event_count bigint not null,
    population bigint not null,
    rate_per_100k double not null
);
delete from indicators.policy_series
where year between $first_year and $last_year;
insert into indicators.policy_series by name
select
    year,
    programme,
    source,
    outcome,
    "group",
    data_year,
    event_count,
    population,
    rate_per_100k
from series_rows
order by year, programme, source, outcome, "group", data_year;
