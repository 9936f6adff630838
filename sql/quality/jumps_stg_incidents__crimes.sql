-- Municipality x crime type cells more than three times (or less than a third of) last year's
-- value. Small numbers are noise, not a jump: CBS rounds each cell to a multiple of 5 (a 5 may
-- be 3 or 7), so a change below 25 (five rounding steps) is ignored.
select
    cur.municipality_code,
    cur.crime_type_code as item,
    prev.registered_crimes as previous_value,
    cur.registered_crimes as value
from staging.stg_incidents__crimes as cur
inner join staging.stg_incidents__crimes as prev
    on prev.year = $year - 1
    and prev.municipality_code = cur.municipality_code
    and prev.crime_type_code = cur.crime_type_code
where cur.year = $year
  and abs(cur.registered_crimes - prev.registered_crimes) >= 25
  and (cur.registered_crimes > 3 * prev.registered_crimes
       or prev.registered_crimes > 3 * cur.registered_crimes)
order by cur.municipality_code, item
