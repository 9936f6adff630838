-- Rows that break additivity in indicators.phenomenon_indicators per year; none if all is well.
with ind as (
    select * from indicators.phenomenon_indicators where year between $first_year and $last_year
),

municipal as (
    select i.*, m.riec_code, m.province_code
    from ind as i
    inner join reference.municipalities as m on m.municipality_code = i.region_code
    where i.region_level = 'municipality'
),

expected as (
    select
        year, 'riec_region' as region_level, riec_code as region_code, phenomenon_code, source,
        sum(event_count) as event_count, sum(population) as population
    from municipal group by all
    union all
    select
        year, 'province', province_code, phenomenon_code, source, sum(event_count),
        sum(population)
    from municipal group by all
    union all
    select year, 'national', 'NL01', phenomenon_code, source, sum(event_count), sum(population)
    from ind where region_level = 'riec_region' group by all
    union all
    select year, 'national', 'NL01', phenomenon_code, source, sum(event_count), sum(population)
    from ind where region_level = 'province' group by all
),

staged as (
    -- coalesce as the mart does: a phenomenon whose cells are all suppressed counts 0
    select
        c.year,
        'incidents' as source,
        c.phenomenon_code,
        coalesce(sum(c.registered_crimes), 0) as event_count
    from staging.stg_incidents__counted_crimes as c
    where c.year between $first_year and $last_year
    group by all
    union all
    select s.year, 'drug_sites', t.phenomenon_code, count(*)
    from staging.stg_drug_sites__sites as s
    inner join reference.drug_site_types as t using (site_type)
    where s.year between $first_year and $last_year
    group by all
)

select
    e.year, e.region_level, e.region_code, e.phenomenon_code, e.source,
    'sum of parts differs' as problem, e.event_count as expected, i.event_count as actual
from expected as e
left join ind as i using (year, region_level, region_code, phenomenon_code, source)
where i.event_count is distinct from e.event_count or i.population is distinct from e.population
union all
select
    s.year, 'national', 'NL01', s.phenomenon_code, s.source,
    'differs from staging', s.event_count as expected, i.event_count as actual
from staged as s
left join ind as i
    on
        i.year = s.year and i.region_level = 'national'
        and i.phenomenon_code = s.phenomenon_code and i.source = s.source
where i.event_count is distinct from s.event_count
union all
select year, 'municipality', region_code, phenomenon_code, source, 'no population', null, null
from ind
where region_level = 'municipality' and population is null
order by all
