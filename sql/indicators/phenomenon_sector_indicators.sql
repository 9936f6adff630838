-- Phenomenon x sector per year x region level x region: the events whose source names both
-- (drug sites by setting, customs seizures by location, FIU suspicious transactions and emergency
-- freezes by reporting group), per 1,000 establishments of the sector with the exact Poisson
-- interval at $confidence_level. Every phenomenon x sector cell of every region has a row:
-- a cell no source covers has source null and null counts (an intelligence gap, not zero); a
-- covered cell too thin to judge (upper bound above $gap_max_upper_ratio x count) is a gap too.
-- Sources stay apart (a seizure and a suspicious transaction are not the same kind of event).
create table if not exists indicators.phenomenon_sector_indicators (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    phenomenon_code varchar not null,
    sector_code varchar not null,
    source varchar,
    event_count bigint,
    amount_eur bigint,
    weight_kg double,
    establishments bigint,
    per_1000_establishments double,
    per_1000_lower double,
    per_1000_upper double,
    confidence_level double not null,
    is_intelligence_gap boolean not null,
    gap_reason varchar
);
delete from indicators.phenomenon_sector_indicators
where year between $first_year and $last_year;
insert into indicators.phenomenon_sector_indicators
with coverage as (
    -- Which source can report which phenomenon x sector cell, from the code lists alone.
    select distinct 'drug_sites' as source, t.phenomenon_code, s.sector_code
    from reference.drug_site_types as t cross join reference.site_settings as s
    union
    select distinct 'seizures', d.phenomenon_code, l.sector_code
    from reference.drugs as d cross join reference.seizure_location_types as l
    union
    select distinct unnest(['fiu_suspicious', 'emergency_freezes']), 'money_laundering', sector_code
    from reference.fiu_reporting_sectors
),

-- Every event (a site, a seizure, a case) or, for FIU-Nederland, every municipality x reporting
-- group cell, with the phenomenon and sector it counts for.
events as (
    select
        sites.year,
        sites.municipality_code,
        'drug_sites' as source,
        types.phenomenon_code,
        settings.sector_code,
        1 as event_count,
        cast(null as bigint) as amount_eur,
        cast(null as decimal(38, 1)) as weight_kg
    from staging.stg_drug_sites__sites as sites
    inner join reference.drug_site_types as types using (site_type)
    inner join reference.site_settings as settings using (setting)
    union all
    select
        seizures.year,
        seizures.municipality_code,
        'seizures',
        drugs.phenomenon_code,
        places.sector_code,
        1,
        null,
        -- decimals: an exact sum, the same in every run whatever the summing order
        cast(seizures.weight_kg as decimal(38, 1))
    from staging.stg_seizures__seizures as seizures
    inner join reference.drugs as drugs using (drug)
    inner join reference.seizure_location_types as places using (location_type)
    union all
    select
        fiu.year,
        fiu.municipality_code,
        'fiu_suspicious',
        'money_laundering',
        groups.sector_code,
        fiu.suspicious_transactions,
        fiu.suspicious_amount_eur,
        null
    from staging.stg_financial__fiu_transactions as fiu
    inner join reference.fiu_reporting_sectors as groups using (reporting_sector_code)
    union all
    select
        freezes.year,
        freezes.municipality_code,
        'emergency_freezes',
        'money_laundering',
        groups.sector_code,
        1,
        freezes.frozen_amount_eur,
        null
    from staging.stg_financial__emergency_freezes as freezes
    inner join reference.fiu_reporting_sectors as groups using (reporting_sector_code)
),

-- read by rolled_up, a table macro (which sqlfluff does not see, hence the ST03 exception)
municipal_events as (  -- noqa: ST03
    select * from events where year between $first_year and $last_year
),

regional_events as (
    select *
    from
        rolled_up(
            municipal_events,
            ['year', 'source', 'phenomenon_code', 'sector_code'],
            ['event_count', 'amount_eur', 'weight_kg']
        )
),

sector_establishments as (
    select year, region_level, region_code, sector_code, establishments
    from indicators.sector_indicators
    where year between $first_year and $last_year
),

years as (
    select unnest(range($first_year, $last_year + 1)) as year
),

grid as (
    select distinct
        y.year, r.region_level, r.region_code, r.region_name, p.phenomenon_code, s.sector_code
    from reference.region_membership as r
    cross join years as y
    cross join reference.phenomena as p
    cross join reference.sectors as s
),

cells as (
    select
        g.year,
        g.region_level,
        g.region_code,
        g.region_name,
        g.phenomenon_code,
        g.sector_code,
        c.source,
        -- a covered cell without events is a real zero; amounts and kg only where the source has
        -- them
        case when c.source is not null then coalesce(e.event_count, 0) end as event_count,
        case
            when c.source in ('fiu_suspicious', 'emergency_freezes') then coalesce(e.amount_eur, 0)
        end as amount_eur,
        case when c.source = 'seizures' then coalesce(e.weight_kg, 0) end as weight_kg,
        x.establishments
    from grid as g
    left join coverage as c using (phenomenon_code, sector_code)
    left join regional_events as e
        on e.year = g.year and e.region_level = g.region_level and e.region_code = g.region_code
            and e.source = c.source and e.phenomenon_code = g.phenomenon_code
            and e.sector_code = g.sector_code
    left join sector_establishments as x
        on x.year = g.year
            and x.region_level = g.region_level
            and x.region_code = g.region_code
            and x.sector_code = g.sector_code
),

bounded as (
    select
        *,
        poisson_lower(event_count, $confidence_level) as count_lower,
        poisson_upper(event_count, $confidence_level) as count_upper,
        case
            when source is null then 'no_source'
            when count_upper > $gap_max_upper_ratio * event_count then 'thin'
        end as gap_reason
    from cells
)

select
    year,
    region_level,
    region_code,
    region_name,
    phenomenon_code,
    sector_code,
    source,
    cast(event_count as bigint),
    cast(amount_eur as bigint),
    cast(weight_kg as double),
    cast(establishments as bigint),
    event_count * 1000.0 / nullif(establishments, 0),
    count_lower * 1000.0 / nullif(establishments, 0),
    count_upper * 1000.0 / nullif(establishments, 0),
    $confidence_level,
    gap_reason is not null,
    gap_reason
from bounded
order by year, region_level, region_code, phenomenon_code, sector_code, source;
