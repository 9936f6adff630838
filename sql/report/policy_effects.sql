-- Policy measures in $year: per programme and outcome, the difference-in-differences rate ratio
-- with its interval, the pre-trend test, and the pooled rates before and after the start.
select *
from indicators.policy_effects
where year = $year
order by programme, source, outcome
