-- Annex table policy_effects: difference-in-differences effect of each policy programme per
-- outcome, with the pooled rates of registered crimes per group left empty (see
-- sql/macros/disclosure.sql).
select * from published_policy_effects($year)
order by all
