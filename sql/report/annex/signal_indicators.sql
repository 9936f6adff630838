-- Annex table signal_indicators: Meld Misdaad Anoniem tips per region above the municipality.
select *
from indicators.signal_indicators
where year = $year and region_level <> 'municipality'
order by all
