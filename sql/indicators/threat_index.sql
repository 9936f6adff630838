-- The composite threat index per RIEC region and province: value and rank under the chosen
-- normalisation, weighting and aggregation, and the rank range over the robustness variants.
-- index_rows is the frame the threat_index asset computes
-- (pipeline/domain/statistics/composite_index.py).
create table if not exists indicators.threat_index (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    index_value double not null,
    index_rank integer not null,
    rank_min integer not null,
    rank_median double not null,
    rank_max integer not null,
    variants integer not null,
    normalisation varchar not null,
    aggregation varchar not null,
    weights varchar not null
);
delete from indicators.threat_index
where year between $first_year and $last_year;
insert into indicators.threat_index by name
select * from composite_index(index_rows, $normalisation, $aggregation, $weights);
