-- The ten years up to $year of every national, RIEC and provincial series (region x phenomenon x
-- source): what change on last year and the trend are computed from. Meld Misdaad Anoniem tips
-- count as source 'signals', added up per phenomenon (themes without one are left out).
select year, region_level, region_code, region_name, phenomenon_code, source, event_count, population
from indicators.phenomenon_indicators
where year between $year - 9 and $year and region_level <> 'municipality'
union all
select
    year,
    region_level,
    region_code,
    region_name,
    phenomenon_code,
    'signals' as source,
    sum(tips) as event_count,
    max(population) as population
from indicators.signal_indicators
where year between $year - 9 and $year and region_level <> 'municipality'
  and phenomenon_code is not null
group by all
order by region_level, region_code, phenomenon_code, source, year
