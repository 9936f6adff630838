-- Annex table impact_indicators: impact in euros per region above the municipality.
select *
from indicators.impact_indicators
where year = $year and region_level <> 'municipality'
order by all
