-- Annex table threat_index: composite threat index per RIEC region and province with its rank
-- range.
select *
from indicators.threat_index
where year = $year
order by all
