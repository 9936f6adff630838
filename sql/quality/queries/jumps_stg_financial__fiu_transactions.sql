-- Municipality x reporting sector cells whose unusual transactions are more than three times (or
-- less than a third of) last year's; changes below 10 are noise.
-- read by jumps, a table macro (which sqlfluff does not see, hence the ST03 exception)
with cells as (  -- noqa: ST03
    select year, municipality_code, reporting_sector_code as item, unusual_transactions as value
    from staging.stg_financial__fiu_transactions
)

select * from jumps(cells, $first_year, $last_year, 10)
order by year, municipality_code, item
