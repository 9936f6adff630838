-- Delivered values in the 2025 division, for the staging files that count per municipality:
-- `delivered` (a table or CTE name) has delivered_code, source_file, source_row and one column
-- per name in `measures` (a list of column names). A current or merged code goes whole to its
-- 2025 municipality; a split code's value is handed to its successors by share in whole units,
-- largest remainder first, so no unit is lost or invented (reference.municipality_code_map;
-- largest_remainder.sql). A code the map does not know is kept as delivered. One row per
-- delivered row and 2025 municipality: the delivered columns, municipality_code, and each
-- measure replaced by the whole units it allocates there (an unknown value stays unknown).
-- Use: from in_2025_division(delivered, ['tips']).
create or replace temp macro in_2025_division(delivered, measures) as table (
    with delivered_rows as (
        select * from query_table(delivered)
    ),

    mapped as (
        select
            d.*,
            coalesce(m.municipality_code, d.delivered_code) as municipality_code,
            coalesce(m.share, 1) as share
        from delivered_rows as d
        left join reference.municipality_code_map as m on m.source_code = d.delivered_code
    )

    select
        columns(lambda c: not list_contains(measures, c) and c <> 'share'),
        largest_remainder(
            columns(measures) * share,
            columns(measures),
            (source_file, source_row),
            municipality_code
        )
    from mapped
);
