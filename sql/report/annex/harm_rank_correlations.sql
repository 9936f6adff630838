-- Annex table harm_rank_correlations: rank correlation between each pair of weight sets.
select *
from indicators.harm_rank_correlations
where year = $year
order by all
