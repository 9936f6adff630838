-- Registered crimes per phenomenon and RIEC region over the ten years up to $year, with the exact
-- Poisson interval of each year's count: the trends of the regional editions. Only totals the
-- disclosure-controlled published_region_counts shows.
select
    i.region_code,
    i.year,
    i.phenomenon_code,
    cast(i.event_count as bigint) as registered_crimes,
    i.event_count_lower as registered_crimes_lower,
    i.event_count_upper as registered_crimes_upper,
    i.rate_per_100k
from indicators.phenomenon_indicators as i
inner join indicators.published_region_counts as p
    on
        i.year = p.year and i.region_level = p.region_level and i.region_code = p.region_code
        and i.phenomenon_code = p.phenomenon_code and p.registered_crimes is not null
where
    i.region_level = 'riec_region' and i.source = 'incidents'
    and i.year between $year - 9 and $year
order by i.region_code, i.phenomenon_code, i.year
