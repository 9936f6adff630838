-- Meld Misdaad Anoniem tips per RIEC region in $year (all themes) per 100,000 inhabitants,
-- with last year's count.
select
    region_code,
    region_name,
    cast(sum(tips) filter (where year = $year) as bigint) as tips,
    cast(sum(tips) filter (where year = $year - 1) as bigint) as tips_previous,
    sum(tips) filter (where year = $year) * 100000.0
    / max(population) filter (where year = $year) as tips_per_100k
from indicators.signal_indicators
where year in ($year, $year - 1) and region_level = 'riec_region'
group by all
order by tips_per_100k desc, region_code asc
