-- Annex table data_quality: the outcome of every quality check on the year's data, blocking
-- checks (errors) first, then warnings. Without the checks' own summaries: a warning's names
-- municipal cells with small counts, which the disclosure control would hide.
select
    r.partition_year as year,
    r.asset_key,
    r.check_name,
    r.severity,
    r.passed,
    r.rows_checked,
    r.rules_checked,
    r.failed_values
from quality.check_results as r
where r.partition_year = $year
order by r.severity, r.asset_key, r.check_name
