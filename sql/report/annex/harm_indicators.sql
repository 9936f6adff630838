-- Annex table harm_indicators: harm under every weight set per RIEC region and the Netherlands
-- (and per province for drug sites); registered crimes only where published_region_counts shows
-- the total (harm is count x weight, so it would reveal the count).
select *
from published_above_municipality('indicators.harm_indicators', $year)
order by all
