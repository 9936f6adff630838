-- Annex table policy_series: yearly rates of the municipalities taking part in each programme and of the others.
select *
from indicators.policy_series
where year = $year
order by all
