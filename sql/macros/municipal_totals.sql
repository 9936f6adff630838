-- A count source's delivered rows as totals per 2025 municipality and `keys` (a list of column
-- names, maybe empty), with their provenance: the staging step the count files share.
-- `delivered` (a table or CTE name) has delivered_code, the keys, one column per name in
-- `measures`, flags named is_* (is_provisional at least: false for a source that marks nothing
-- provisional), source_file and source_row; other columns are ignored. Every measure goes
-- through in_2025_division and is summed (unknown parts are left out; all unknown stays
-- unknown); a flag holds when it holds for any delivered row; delivered_codes lists the codes
-- the cell was delivered under, source_file the first file, source_rows the rows (one entry per
-- delivered row). Use: select ... from municipal_totals(delivered, ['theme'], ['tips']).
create or replace temp macro municipal_totals(delivered, keys, measures) as table (
    select
        cast(sum(columns(measures)) as bigint),
        columns(['municipality_code'] || keys),
        bool_or(columns(lambda c: starts_with(c, 'is_'))),
        list(distinct delivered_code order by delivered_code) as delivered_codes,
        min(source_file) as source_file,
        list(source_row order by source_row) as source_rows
    from in_2025_division(delivered, measures)
    group by all
);
