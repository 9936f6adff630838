-- How many aggregate cells of one source and year were compared with their municipalities, and
-- how many could not be, because a municipality of the year was split across regions since.
select
    count(*) filter (where not boundary_changed) as compared,
    count(*) filter (where boundary_changed) as boundary_changed
from quality.aggregate_reconciliation
where partition_year = $year and source = $source
