-- The 10 RIEC regions in one year: registered crimes, harm and drug sites, per 100,000 inhabitants.
with by_source as (
    select
        region_code,
        region_name,
        max(population) as population,
        sum(event_count) filter (where source = 'incidents') as registered_crimes,
        sum(harm_score) filter (where source = 'incidents') as harm_score,
        sum(event_count) filter (where source = 'drug_sites') as drug_sites
    from indicators.phenomenon_indicators
    where region_level = 'riec_region' and year = $year
    group by region_code, region_name
)

select
    region_code,
    region_name,
    cast(population as bigint) as population,
    cast(registered_crimes as bigint) as registered_crimes,
    cast(registered_crimes as double) * 100000 / population as registered_crimes_per_100k,
    cast(harm_score as double) as harm_score,
    cast(harm_score as double) * 100000 / population as harm_per_100k,
    cast(drug_sites as bigint) as drug_sites
from by_source
order by harm_per_100k desc, region_code
