-- Annex table phenomenon_sector_indicators: phenomenon x sector per region above the municipality.
select *
from indicators.phenomenon_sector_indicators
where year = $year and region_level <> 'municipality'
order by all
