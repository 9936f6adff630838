-- Counts, rate per 100,000 inhabitants and harm score per year x region x phenomenon x source,
-- for municipalities, RIEC regions, provinces and the Netherlands, each with its exact Poisson
-- interval at $confidence_level: the count is one year's draw of a Poisson process, so the
-- interval shows which yearly rates fit it (harm and rate scale the count's bounds).
-- Intelligence gaps: a cell too thin to judge is flagged, so that it is not read as low threat:
-- 'suppressed' when the publisher suppressed some of its cells (the count is incomplete),
-- 'thin' when the interval's upper bound exceeds $gap_max_upper_ratio times the count (at 2 and
-- 95%: fewer than 8 events, zero included).
-- Every municipality gets a row for every phenomenon a source can report, so zero is explicit.
-- Sources are kept apart: a dismantled drug lab may also be a registered Opiumwet crime, so
-- adding the two would count it twice.
create table if not exists indicators.phenomenon_indicators (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    phenomenon_code varchar not null,
    source varchar not null,
    event_count bigint not null,
    suppressed_cells bigint not null,
    population bigint,
    rate_per_100k double,
    harm_weight_set varchar not null,
    harm_weight double not null,
    harm_score double not null,
    confidence_level double not null,
    event_count_lower double not null,
    event_count_upper double not null,
    rate_per_100k_lower double,
    rate_per_100k_upper double,
    harm_score_lower double not null,
    harm_score_upper double not null,
    is_intelligence_gap boolean not null,
    gap_reason varchar
);
-- An unknown weight set would silently produce no rows: fail instead.
select error('unknown harm weight set: ' || $weight_set)
where not exists (select 1 from reference.harm_weight_sets where weight_set = $weight_set);
delete from indicators.phenomenon_indicators
where year between $first_year and $last_year;
insert into indicators.phenomenon_indicators
-- reportable, events and municipal are read by table macros (every_municipality, rolled_up), a
-- use sqlfluff does not see (hence the ST03 exception).
with reportable as (  -- noqa: ST03
    select distinct 'incidents' as source, phenomenon_code
    from reference.crime_types
    where phenomenon_code is not null
    union
    select distinct 'drug_sites' as source, phenomenon_code
    from reference.drug_site_types
),

events as (  -- noqa: ST03
    -- every crime once, whatever mix of codes and their parts the file held
    select
        crimes.year,
        crimes.municipality_code,
        'incidents' as source,
        crimes.phenomenon_code,
        coalesce(sum(crimes.registered_crimes), 0) as event_count,
        count(*) filter (where crimes.is_suppressed) as suppressed_cells
    from staging.stg_incidents__counted_crimes as crimes
    where crimes.year between $first_year and $last_year
    group by all
    union all
    select
        sites.year,
        sites.municipality_code,
        'drug_sites' as source,
        types.phenomenon_code,
        count(*) as event_count,
        0 as suppressed_cells
    from staging.stg_drug_sites__sites as sites
    inner join reference.drug_site_types as types using (site_type)
    where sites.year between $first_year and $last_year
    group by all
),

-- every municipality x phenomenon a source can report, with zero where nothing happened
municipal as (  -- noqa: ST03
    select *
    from
        every_municipality(
            reportable,
            events,
            ['source', 'phenomenon_code'],
            ['event_count', 'suppressed_cells'],
            $first_year,
            $last_year
        )
),

bounded as (
    select
        *,
        $confidence_level as confidence_level,
        poisson_lower(event_count, $confidence_level) as count_lower,
        poisson_upper(event_count, $confidence_level) as count_upper,
        case
            when suppressed_cells > 0 then 'suppressed'
            when count_upper > $gap_max_upper_ratio * event_count then 'thin'
        end as gap_reason
    from
        rolled_up(
            municipal,
            ['year', 'phenomenon_code', 'source'],
            ['event_count', 'suppressed_cells', 'population']
        )
),

weights as (
    select phenomenon_code, weight_set, weight
    from reference.harm_weight_sets
    where weight_set = $weight_set
)

select
    r.year,
    r.region_level,
    r.region_code,
    r.region_name,
    r.phenomenon_code,
    r.source,
    cast(r.event_count as bigint) as event_count,
    cast(r.suppressed_cells as bigint) as suppressed_cells,
    cast(r.population as bigint) as population,
    r.event_count * 100000.0 / nullif(r.population, 0) as rate_per_100k,
    w.weight_set as harm_weight_set,
    w.weight as harm_weight,
    r.event_count * w.weight as harm_score,
    r.confidence_level,
    r.count_lower as event_count_lower,
    r.count_upper as event_count_upper,
    r.count_lower * 100000.0 / nullif(r.population, 0) as rate_per_100k_lower,
    r.count_upper * 100000.0 / nullif(r.population, 0) as rate_per_100k_upper,
    r.count_lower * w.weight as harm_score_lower,
    r.count_upper * w.weight as harm_score_upper,
    r.gap_reason is not null as is_intelligence_gap,
    r.gap_reason
from bounded as r
inner join weights as w on w.phenomenon_code = r.phenomenon_code
order by r.year, r.region_level, r.region_code, r.phenomenon_code, r.source;
