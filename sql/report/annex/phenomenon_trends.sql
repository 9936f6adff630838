-- Annex table phenomenon_trends: change on last year and ten-year trend per series above the municipality.
select *
from indicators.phenomenon_trends
where year = $year and region_level <> 'municipality'
order by all
