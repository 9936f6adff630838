-- Annex table policy_effects: difference-in-differences effect of each policy programme per
-- outcome. The pooled rates of registered crimes per group are left empty: set against the
-- published municipal counts they could reveal a hidden count (tips are not published per
-- municipality, so theirs are shown).
select *
from published_policy_effects($year)
order by all
