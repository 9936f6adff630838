-- Annex table phenomenon_indicators: counts, rates and harm with intervals per RIEC region and
-- the Netherlands, and per province for drug sites. Registered crimes appear only where the
-- disclosure-controlled published_region_counts shows the total: a province total (not part of
-- that control) or a hidden RIEC total minus the published municipal counts could reveal a
-- hidden count. Municipal counts are published only through published_municipal_counts.
select i.*
from indicators.phenomenon_indicators as i
left join indicators.published_region_counts as p
    on p.year = i.year and p.region_level = i.region_level and p.region_code = i.region_code
        and p.phenomenon_code = i.phenomenon_code
where i.year = $year and i.region_level <> 'municipality'
    and (i.source <> 'incidents' or p.registered_crimes is not null)
order by all
