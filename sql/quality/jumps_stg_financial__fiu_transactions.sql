-- Municipality x reporting sector cells whose unusual transactions are more than three times (or
-- less than a third of) last year's; changes below 10 are noise.
with cells as (
    select year, municipality_code, reporting_sector_code as item, unusual_transactions as value
    from staging.stg_financial__fiu_transactions
)

select * from jumps(cells, $year, 10)
order by municipality_code, item
