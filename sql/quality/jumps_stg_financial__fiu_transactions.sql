-- Municipality x reporting sector cells whose unusual transactions are more than three times (or
-- less than a third of) last year's; changes below 10 are noise.
select
    cur.municipality_code,
    cur.reporting_sector_code as item,
    prev.unusual_transactions as previous_value,
    cur.unusual_transactions as value
from staging.stg_financial__fiu_transactions as cur
inner join staging.stg_financial__fiu_transactions as prev
    on prev.year = $year - 1
    and prev.municipality_code = cur.municipality_code
    and prev.reporting_sector_code = cur.reporting_sector_code
where cur.year = $year
  and abs(cur.unusual_transactions - prev.unusual_transactions) >= 10
  and (cur.unusual_transactions > 3 * prev.unusual_transactions
       or prev.unusual_transactions > 3 * cur.unusual_transactions)
order by cur.municipality_code, item
