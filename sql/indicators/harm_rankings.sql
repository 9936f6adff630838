-- Regions ranked by harm per 100,000 inhabitants under every weight set, with two rank
-- intervals (chance in the counts; the weights varied by $weight_spread). ranking_rows is a frame
-- the harm_rankings asset computes (pipeline/domain/statistics/rank_intervals.py), written with
-- harm_rank_correlations.sql.
create table if not exists indicators.harm_rankings (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    weight_set varchar not null,
    harm_per_100k double not null,
    harm_rank integer not null,
    count_rank_median integer not null,
    count_rank_lower integer not null,
    count_rank_upper integer not null,
    count_top_share double not null,
    weight_rank_median integer not null,
    weight_rank_lower integer not null,
    weight_rank_upper integer not null,
    weight_top_share double not null,
    draws integer not null,
    weight_spread double not null,
    seed bigint not null,
    confidence_level double not null
);
delete from indicators.harm_rankings
where year between $first_year and $last_year;
insert into indicators.harm_rankings by name
select
    *,
    $draws as draws,
    $weight_spread as weight_spread,
    $seed as seed,
    $confidence_level as confidence_level
from ranking_rows;
