-- Annex table harm_indicators: harm under every weight set per RIEC region, province and the Netherlands.
select *
from indicators.harm_indicators
where year = $year and region_level <> 'municipality'
order by all
