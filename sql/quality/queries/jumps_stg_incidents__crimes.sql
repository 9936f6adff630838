-- Municipality x crime type cells more than three times (or less than a third of) last year's
-- value. Small numbers are noise, not a jump: CBS rounds each cell to a multiple of 5 (a 5 may
-- be 3 or 7), so a change below 25 (five rounding steps) is ignored.
-- read by jumps, a table macro (which sqlfluff does not see, hence the ST03 exception)
with cells as (  -- noqa: ST03
    select year, municipality_code, crime_type_code as item, registered_crimes as value
    from staging.stg_incidents__crimes
)

select * from jumps(cells, $first_year, $last_year, 25)
order by year, municipality_code, item
