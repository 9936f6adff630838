-- The composite threat index per sector (national): value and rank under the chosen
-- normalisation, weighting and aggregation, the rank range over the robustness variants, and how
-- many indicators were measured for the sector (a sector with none has no index: a gap).
-- index_rows is the frame the sector_threat_index asset computes
-- (pipeline/domain/statistics/composite_index.py).
create table if not exists indicators.sector_threat_index (
    year integer not null,
    region_level varchar not null,
    sector_code varchar not null,
    sector_name varchar not null,
    index_value double,
    index_rank integer,
    rank_min integer,
    rank_median double,
    rank_max integer,
    variants integer not null,
    indicators_used integer not null,
    normalisation varchar not null,
    aggregation varchar not null,
    weights varchar not null
);
delete from indicators.sector_threat_index
where year between $first_year and $last_year;
insert into indicators.sector_threat_index by name
select * from composite_index(index_rows, $normalisation, $aggregation, $weights);
