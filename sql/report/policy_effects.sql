-- Policy measures in $year: per programme and outcome, the difference-in-differences rate ratio
-- with its interval, the pre-trend test, and the pooled rates before and after the start (for
-- registered crimes left empty: group totals could reveal hidden municipal counts).
select
    * replace (
        case when source = 'signals' then treated_rate_before end as treated_rate_before,
        case when source = 'signals' then treated_rate_after end as treated_rate_after,
        case when source = 'signals' then control_rate_before end as control_rate_before,
        case when source = 'signals' then control_rate_after end as control_rate_after
    )
from indicators.policy_effects
where year = $year
order by programme, source, outcome
