-- The totals CBS delivers beside the municipalities (the Netherlands, landsdelen, provinces,
-- police units) against the sum of their municipalities, for the report year: per source and
-- level how many were compared, how many lie within CBS's rounding, and the largest gap (with
-- the crime type's label; population has one item, its inhabitants). Cells whose boundaries
-- changed since (sql/quality/aggregate_reconciliation.sql) are left out.
with levels as (
    select
        source,
        region_level,
        count(*) as compared,
        count(*) filter (where within_rounding) as within_rounding,
        max(abs(gap)) as largest_gap,
        arg_max(region_name, abs(gap)) as largest_gap_region,
        arg_max(item, abs(gap)) as largest_gap_item
    from quality.aggregate_reconciliation
    where partition_year = $year and not boundary_changed
    group by source, region_level
)

select
    l.*,
    t.label_nl as largest_gap_item_nl,
    t.label_en as largest_gap_item_en
from levels as l
left join reference.crime_types as t on t.crime_type_code = l.largest_gap_item
order by
    l.source,
    case l.region_level
        when 'country' then 1 when 'landsdeel' then 2 when 'province' then 3 else 4
    end
