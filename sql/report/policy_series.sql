-- Yearly rates per 100,000 of the municipalities taking part in each programme and of the
-- others, for all registered crimes linked to undermining (the policy chart).
select programme, "group", data_year, event_count, population, rate_per_100k
from indicators.policy_series
where year = $year and source = 'incidents' and outcome = 'all'
order by programme, "group", data_year
