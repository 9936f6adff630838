-- Annex table financial_indicators: FIU-Nederland transactions per region above the municipality.
select *
from indicators.financial_indicators
where year = $year and region_level <> 'municipality'
order by all
