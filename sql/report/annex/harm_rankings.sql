-- Annex table harm_rankings: regions ranked by harm per 100,000 under every weight set, with rank intervals.
select *
from indicators.harm_rankings
where year = $year
order by all
