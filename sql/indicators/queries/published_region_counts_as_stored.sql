-- The published region counts per year as stored, for the disclosure check.
select year, region_level, region_code, phenomenon_code, registered_crimes
from indicators.published_region_counts
where year between $first_year and $last_year
order by year, phenomenon_code, region_level, region_code
