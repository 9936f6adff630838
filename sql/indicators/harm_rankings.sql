-- Regions ranked by harm per 100,000 inhabitants under every weight set, with two rank
-- intervals (chance in the counts; the weights varied by $weight_spread), and the rank
-- correlation between each pair of weight sets. ranking_rows and correlation_rows are the
-- frames the harm_rankings asset computes (pipeline/domain/statistics/rank_intervals.py).
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
create table if not exists indicators.harm_rank_correlations (
    year integer not null,
    region_level varchar not null,
    weight_set_a varchar not null,
    weight_set_b varchar not null,
    spearman_rho double,
    kendall_tau double
);
delete from indicators.harm_rankings where year = $year;
delete from indicators.harm_rank_correlations where year = $year;
insert into indicators.harm_rankings by name
select
    $year as year,
    *,
    $draws as draws,
    $weight_spread as weight_spread,
    $seed as seed,
    $confidence_level as confidence_level
from ranking_rows;
insert into indicators.harm_rank_correlations by name
select $year as year, * from correlation_rows;
