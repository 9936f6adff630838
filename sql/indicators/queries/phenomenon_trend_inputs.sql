-- Every series from nine years before $first_year to $last_year (a trend looks back ten years):
-- registered crimes and drug sites per region x phenomenon (municipalities included), Meld Misdaad
-- Anoniem tips per region x phenomenon (source 'signals', themes without a phenomenon left out),
-- and the phenomenon x sector series of the national, RIEC and provincial levels. exposure is the
-- denominator of the rate: inhabitants, or for sector series the sector's establishments.
select
    year, region_level, region_code, region_name, phenomenon_code,
    null::varchar as sector_code, source, event_count, population as exposure
from indicators.phenomenon_indicators
where year between $first_year - 9 and $last_year
union all
select
    year,
    region_level,
    region_code,
    region_name,
    phenomenon_code,
    null,
    'signals',
    sum(tips),
    max(population)
from indicators.signal_indicators
where year between $first_year - 9 and $last_year and phenomenon_code is not null
group by all
union all
select
    year, region_level, region_code, region_name, phenomenon_code, sector_code, source,
    event_count, establishments
from indicators.phenomenon_sector_indicators
where
    year between $first_year - 9 and $last_year
    and source is not null and region_level <> 'municipality'
order by region_level, region_code, phenomenon_code, sector_code, source, year
