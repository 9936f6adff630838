-- Yearly Meld Misdaad Anoniem tips per 100,000 inhabitants in the municipalities taking part in
-- each programme and in the others (the policy chart). Registered crimes per group are not
-- shown: group totals could reveal hidden municipal counts.
select programme, "group", data_year, event_count, population, rate_per_100k
from indicators.policy_series
where year = $year and source = 'signals' and outcome = 'all'
order by programme, "group", data_year
