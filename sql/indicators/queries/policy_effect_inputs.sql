-- Per municipality and year, from nine years before $first_year to $last_year (an estimate looks
-- back ten years): registered crimes per phenomenon and of all phenomena together (source
-- incidents), and Meld Misdaad Anoniem tips of all themes (source signals), with the population:
-- what the policy effects are estimated from.
select
    year, region_code as municipality_code, 'incidents' as source, phenomenon_code as outcome,
    event_count, population
from indicators.phenomenon_indicators
where
    year between $first_year - 9 and $last_year
    and region_level = 'municipality' and source = 'incidents'
union all
select year, region_code, 'incidents', 'all', sum(event_count), any_value(population)
from indicators.phenomenon_indicators
where
    year between $first_year - 9 and $last_year
    and region_level = 'municipality' and source = 'incidents'
group by year, region_code
union all
select year, region_code, 'signals', 'all', sum(tips), any_value(population)
from indicators.signal_indicators
where year between $first_year - 9 and $last_year and region_level = 'municipality'
group by year, region_code
order by source, outcome, municipality_code, year
