-- Harm per year x region level x region x phenomenon x source under every weight set in
-- reference.harm_weight_sets (phenomenon_indicators carries only the run's headline set), with
-- harm per 100,000 inhabitants. Harm = count x weight, so its interval is the count's exact
-- Poisson interval times the weight; a cell that is an intelligence gap stays one under every set.
create table if not exists indicators.harm_indicators (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    phenomenon_code varchar not null,
    source varchar not null,
    weight_set varchar not null,
    harm_weight double not null,
    event_count bigint not null,
    population bigint,
    harm_score double not null,
    harm_score_lower double not null,
    harm_score_upper double not null,
    harm_per_100k double,
    harm_per_100k_lower double,
    harm_per_100k_upper double,
    confidence_level double not null,
    is_intelligence_gap boolean not null
);
delete from indicators.harm_indicators
where year between $first_year and $last_year;
insert into indicators.harm_indicators
select
    i.year,
    i.region_level,
    i.region_code,
    i.region_name,
    i.phenomenon_code,
    i.source,
    w.weight_set,
    w.weight,
    i.event_count,
    i.population,
    i.event_count * w.weight,
    i.event_count_lower * w.weight,
    i.event_count_upper * w.weight,
    i.event_count * w.weight * 100000.0 / nullif(i.population, 0),
    i.event_count_lower * w.weight * 100000.0 / nullif(i.population, 0),
    i.event_count_upper * w.weight * 100000.0 / nullif(i.population, 0),
    i.confidence_level,
    i.is_intelligence_gap
from indicators.phenomenon_indicators as i
inner join reference.harm_weight_sets as w using (phenomenon_code)
where i.year between $first_year and $last_year
order by i.year, i.region_level, i.region_code, i.phenomenon_code, i.source, w.weight_set;
