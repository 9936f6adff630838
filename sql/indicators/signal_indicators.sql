-- Meld Misdaad Anoniem tips per year x region level x region x theme (with the phenomenon the
-- theme belongs to, if one), per 100,000 inhabitants with the exact Poisson interval at
-- $confidence_level.
create table if not exists indicators.signal_indicators (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    theme varchar not null,
    phenomenon_code varchar,
    tips bigint not null,
    population bigint,
    tips_per_100k double,
    tips_per_100k_lower double,
    tips_per_100k_upper double,
    confidence_level double not null
);
delete from indicators.signal_indicators where year = $year;
insert into indicators.signal_indicators
with municipal as (
    select
        m.municipality_code,
        th.theme,
        th.phenomenon_code,
        coalesce(t.tips, 0) as tips,
        p.inhabitants as population
    from reference.municipalities as m
    cross join reference.signal_themes as th
    left join staging.stg_signals__tips as t
        on t.municipality_code = m.municipality_code and t.theme = th.theme and t.year = $year
    left join staging.stg_population__inhabitants as p
        on p.municipality_code = m.municipality_code and p.year = $year
)

select
    $year,
    region_level,
    region_code,
    region_name,
    theme,
    phenomenon_code,
    cast(tips as bigint),
    cast(population as bigint),
    tips * 100000.0 / nullif(population, 0),
    poisson_lower(tips, $confidence_level) * 100000.0 / nullif(population, 0),
    poisson_upper(tips, $confidence_level) * 100000.0 / nullif(population, 0),
    $confidence_level
from rolled_up(municipal, ['theme', 'phenomenon_code'], ['tips', 'population'])
order by region_level, region_code, theme;
