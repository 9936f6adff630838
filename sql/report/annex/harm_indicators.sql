-- Annex table harm_indicators: harm under every weight set per RIEC region and the Netherlands
-- (and per province for drug sites); registered crimes only where published_region_counts shows
-- the total (harm is count x weight, so it would reveal the count).
select h.*
from indicators.harm_indicators as h
left join indicators.published_region_counts as p
    on p.year = h.year and p.region_level = h.region_level and p.region_code = h.region_code
        and p.phenomenon_code = h.phenomenon_code
where h.year = $year and h.region_level <> 'municipality'
    and (h.source <> 'incidents' or p.registered_crimes is not null)
order by all
