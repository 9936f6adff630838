-- Municipality x theme tip counts more than three times (or less than a third of) last year's;
-- changes below 10 are noise.
select
    cur.municipality_code,
    cur.theme as item,
    prev.tips as previous_value,
    cur.tips as value
from staging.stg_signals__tips as cur
inner join staging.stg_signals__tips as prev
    on prev.year = $year - 1
    and prev.municipality_code = cur.municipality_code
    and prev.theme = cur.theme
where cur.year = $year
  and abs(cur.tips - prev.tips) >= 10
  and (cur.tips > 3 * prev.tips or prev.tips > 3 * cur.tips)
order by cur.municipality_code, item
