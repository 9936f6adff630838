-- The aggregate rows of one source and its years further from their municipalities than CBS's
-- rounding allows, largest gap first; cells whose boundaries changed are not judged
-- (sql/quality/aggregate_reconciliation.sql writes them).
select
    partition_year as year, region_code, region_name, item, delivered_total, municipal_sum, gap,
    tolerance
from quality.aggregate_reconciliation
where
    partition_year between $first_year and $last_year and source = $source and not within_rounding
    and not boundary_changed
order by partition_year asc, abs(gap) desc, region_code asc, item asc
