-- Registered crimes per RIEC region and province and phenomenon per year, with population:
-- what the harm rankings are computed from (harm weights come from reference.harm_weight_sets).
select year, region_level, region_code, region_name, phenomenon_code, event_count, population
from indicators.phenomenon_indicators
where
    year between $first_year and $last_year
    and source = 'incidents' and region_level in ('riec_region', 'province')
order by year, region_level, region_code, phenomenon_code
