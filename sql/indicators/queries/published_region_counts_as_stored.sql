-- The published region counts of one year as stored, for the disclosure check.
select region_level, region_code, phenomenon_code, registered_crimes
from indicators.published_region_counts
where year = $year
order by phenomenon_code, region_level, region_code
