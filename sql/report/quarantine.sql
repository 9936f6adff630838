-- Rows set aside by the quality checks in $year, counted per check and reason.
select asset_key, check_name, reason, count(*) as rows_set_aside
from quality.quarantine
where partition_year = $year
group by all
order by asset_key, check_name, reason
