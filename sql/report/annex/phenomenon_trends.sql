-- Annex table phenomenon_trends: change on last year and ten-year trend per series above the
-- municipality; series of registered crimes only where published_region_counts shows the total.
select t.*
from indicators.phenomenon_trends as t
left join indicators.published_region_counts as p
    on p.year = t.year and p.region_level = t.region_level and p.region_code = t.region_code
    and p.phenomenon_code = t.phenomenon_code
where t.year = $year and t.region_level <> 'municipality'
  and (t.source <> 'incidents' or p.registered_crimes is not null)
order by all
