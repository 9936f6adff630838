-- Outcome of every stored quality check for one year: errors (which block a run) first, then
-- warnings, each with its summary.
select
    r.asset_key,
    r.check_name,
    r.severity,
    r.passed,
    r.rows_checked,
    r.rules_checked,
    r.failed_values,
    r.summary
from quality.check_results as r
where r.partition_year = $year
order by r.severity, r.asset_key, r.check_name
