-- The sector threat index's indicators per sector nationally and year, each per 1,000
-- establishments of the sector (higher = more threat): FIU suspicious transactions, emergency
-- freezes, drug sites on the sector's premises and customs seizures at its places. An indicator
-- no source measures for a sector is null (not zero): the index leaves it out for that sector.
with measured as (
    select
        year,
        sector_code,
        case source
            when 'fiu_suspicious' then 'suspicious_transactions_per_1000'
            when 'emergency_freezes' then 'emergency_freezes_per_1000'
            when 'drug_sites' then 'drug_sites_per_1000'
            when 'seizures' then 'seizures_per_1000'
        end as indicator,
        sum(event_count) * 1000.0 / nullif(any_value(establishments), 0) as value
    from indicators.phenomenon_sector_indicators
    where
        year between $first_year and $last_year
        and region_level = 'national' and source is not null
    group by all
),

indicators as (
    select unnest([
        'suspicious_transactions_per_1000', 'emergency_freezes_per_1000', 'drug_sites_per_1000',
        'seizures_per_1000'
    ]) as indicator
),

years as (
    select unnest(range($first_year, $last_year + 1)) as year
)

select
    y.year,
    'national' as region_level,
    s.sector_code,
    s.label_nl as sector_name,
    i.indicator,
    m.value
from reference.sectors as s
cross join years as y
cross join indicators as i
left join measured as m using (year, sector_code, indicator)
order by y.year, s.sector_code, i.indicator
