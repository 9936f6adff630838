-- Outcome of every stored quality check for one year, with the first failing value if any.
select
    r.asset_key,
    r.check_name,
    r.passed,
    r.rows_checked,
    r.rules_checked,
    r.failed_values,
    r.summary
from quality.check_results as r
where r.partition_year = $year
order by r.asset_key, r.check_name
