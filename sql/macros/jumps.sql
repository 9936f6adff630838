-- Cells of `cells` (a table or CTE name with year, municipality_code, item and value) whose value
-- in a year from `first_year` to `last_year` is more than three times, or less than a third of,
-- its value the year before, and moved by at least `min_change` (smaller changes are noise).
-- Cells without a value in either year are not compared. Returns year, municipality_code, item,
-- previous_value and value; the staging jump checks (sql/quality/queries/jumps_*.sql) use it.
create or replace temp macro jumps(cells, first_year, last_year, min_change) as table (
    with cell_rows as (
        select * from query_table(cells)
    ),

    -- each cell's value with its value of the year before
    consecutive as (
        select cur.year, cur.municipality_code, cur.item, prev.value as previous_value, cur.value
        from cell_rows as cur
        inner join cell_rows as prev
            on prev.year = cur.year - 1
                and prev.municipality_code = cur.municipality_code
                and prev.item = cur.item
    )

    select year, municipality_code, item, previous_value, value
    from consecutive
    where year between first_year and last_year
        and abs(value - previous_value) >= min_change
        and (value > 3 * previous_value or previous_value > 3 * value)
);
