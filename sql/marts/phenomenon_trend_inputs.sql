-- The ten years up to $year of every national, RIEC and provincial series (region x phenomenon x
-- source): what change on last year and the trend are computed from.
select year, region_level, region_code, region_name, phenomenon_code, source, event_count, population
from indicators.phenomenon_indicators
where year between $year - 9 and $year and region_level <> 'municipality'
order by region_level, region_code, phenomenon_code, source, year
