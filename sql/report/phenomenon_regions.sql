-- Registered crimes per phenomenon and RIEC region in $year, per 100,000 inhabitants with the
-- exact interval and the intelligence-gap flag: the regional picture of each phenomenon.
select
    phenomenon_code,
    region_code,
    region_name,
    cast(event_count as bigint) as registered_crimes,
    rate_per_100k,
    rate_per_100k_lower,
    rate_per_100k_upper,
    is_intelligence_gap
from indicators.phenomenon_indicators
where year = $year and region_level = 'riec_region' and source = 'incidents'
order by phenomenon_code, rate_per_100k desc, region_code
