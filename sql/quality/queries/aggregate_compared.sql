-- Per year, how many aggregate cells of one source were compared with their municipalities, and
-- how many could not be, because a municipality of the year was split across regions since.
select
    partition_year as year,
    count(*) filter (where not boundary_changed) as compared,
    count(*) filter (where boundary_changed) as boundary_changed
from quality.aggregate_reconciliation
where partition_year between $first_year and $last_year and source = $source
group by partition_year
order by partition_year
