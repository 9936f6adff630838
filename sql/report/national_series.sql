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
    and not exists (
        select 1 from indicators.published_region_counts as h
        where h.year = i.year and h.region_level = 'national'
            and h.phenomenon_code = i.phenomenon_code and h.registered_crimes is null
    )
order by i.phenomenon_code, i.year
