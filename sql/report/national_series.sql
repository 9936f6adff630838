-- Registered crimes per phenomenon in the Netherlands over the ten years up to $year, with the
-- exact Poisson interval of each year's count (the band in the trend chart).
select
    i.year,
    i.phenomenon_code,
    cast(i.event_count as bigint) as registered_crimes,
    i.event_count_lower as registered_crimes_lower,
    i.event_count_upper as registered_crimes_upper,
    i.rate_per_100k
from indicators.phenomenon_indicators as i
where i.region_level = 'national' and i.source = 'incidents' and i.year between $year - 9 and $year
  -- a national total the disclosure control hides is not reported
  and not national_total_hidden(i.year, i.phenomenon_code)
order by i.phenomenon_code, i.year
