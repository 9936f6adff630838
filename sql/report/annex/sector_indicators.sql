-- Annex table sector_indicators: sector exposure per region above the municipality.
select *
from indicators.sector_indicators
where year = $year and region_level <> 'municipality'
order by all
