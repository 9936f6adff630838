-- How many aggregate cells of one source and year were compared with their municipalities.
select count(*) as compared
from quality.aggregate_reconciliation
where partition_year = $year and source = $source
