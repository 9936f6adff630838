-- Policy measures in $year: per programme and outcome, the difference-in-differences rate ratio
-- with its interval, the pre-trend test, and the pooled rates before and after the start (for
-- registered crimes left empty: group totals could reveal hidden municipal counts; see
-- sql/macros/disclosure.sql).
select * from published_policy_effects($year)
order by programme, source, outcome
