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
delete from indicators.signal_indicators
where year between $first_year and $last_year;
insert into indicators.signal_indicators
-- The years' tips; read, like municipal, by table macros (every_municipality, rolled_up), a use
-- the linter does not see (hence the ST03 exception).
with tip_counts as (  -- noqa: ST03
    select year, municipality_code, theme, tips
    from staging.stg_signals__tips
    where year between $first_year and $last_year
),

-- every municipality x theme, with zero where no tip came in
municipal as (  -- noqa: ST03
    select *
    from
        every_municipality(
            'reference.signal_themes', tip_counts, ['theme'], ['tips'], $first_year, $last_year
        )
)

select
    year,
    region_level,
    region_code,
    region_name,
    theme,
    phenomenon_code,
    cast(tips as bigint),
    cast(population as bigint),
    unnest(rate_interval(tips, population, 100000.0, $confidence_level)),
    $confidence_level
from rolled_up(municipal, ['year', 'theme', 'phenomenon_code'], ['tips', 'population'])
order by year, region_level, region_code, theme;
