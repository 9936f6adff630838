-- Annex table policy_series: yearly rates of Meld Misdaad Anoniem tips in the municipalities
-- taking part in each programme and in the others. The groups' registered crimes are not
-- published: a group total set against the published municipal counts (and the national and
-- regional totals) could reveal a hidden count, so only the model's rate ratios are.
select *
from indicators.policy_series
where year = $year and source = 'signals'
order by all
