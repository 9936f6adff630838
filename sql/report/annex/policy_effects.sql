-- Annex table policy_effects: difference-in-differences effect of each policy programme per outcome.
select *
from indicators.policy_effects
where year = $year
order by all
