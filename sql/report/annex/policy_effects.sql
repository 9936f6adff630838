-- Annex table policy_effects: difference-in-differences effect of each policy programme per
-- outcome. The pooled rates of registered crimes per group are left empty: set against the
-- published municipal counts they could reveal a hidden count (tips are not published per
-- municipality, so theirs are shown).
select
    * replace (
        case when source = 'signals' then treated_rate_before end as treated_rate_before,
        case when source = 'signals' then treated_rate_after end as treated_rate_after,
        case when source = 'signals' then control_rate_before end as control_rate_before,
        case when source = 'signals' then control_rate_after end as control_rate_after
    )
from indicators.policy_effects
where year = $year
order by all
