-- Registered crimes per phenomenon and RIEC region in $year, per 100,000 inhabitants with the
-- exact interval and the intelligence-gap flag: the regional picture of each phenomenon. Only
-- totals the disclosure-controlled published_region_counts shows.
select
    i.phenomenon_code,
    i.region_code,
    i.region_name,
    cast(i.event_count as bigint) as registered_crimes,
    i.rate_per_100k,
    i.rate_per_100k_lower,
    i.rate_per_100k_upper,
    i.is_intelligence_gap
from indicators.phenomenon_indicators as i
inner join indicators.published_region_counts as p
    on p.year = i.year and p.region_level = i.region_level and p.region_code = i.region_code
        and p.phenomenon_code = i.phenomenon_code and p.registered_crimes is not null
where i.year = $year and i.region_level = 'riec_region' and i.source = 'incidents'
order by i.phenomenon_code asc, i.rate_per_100k desc, i.region_code asc
