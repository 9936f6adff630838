-- The rank correlation (Spearman, Kendall) between each pair of harm weight sets per region
-- level. correlation_rows is a frame the harm_rankings asset computes
-- (pipeline/domain/statistics/rank_intervals.py), written with harm_rankings.sql.
create table if not exists indicators.harm_rank_correlations (
    year integer not null,
    region_level varchar not null,
    weight_set_a varchar not null,
    weight_set_b varchar not null,
    spearman_rho double,
    kendall_tau double
);
delete from indicators.harm_rank_correlations
where year between $first_year and $last_year;
insert into indicators.harm_rank_correlations by name
select * from correlation_rows;
