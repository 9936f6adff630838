-- Annex table sector_threat_index: composite threat index per sector with its rank range.
select *
from indicators.sector_threat_index
where year = $year
order by all
