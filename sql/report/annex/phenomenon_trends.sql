-- Annex table phenomenon_trends: change on last year and ten-year trend per series above the
-- municipality. A series of registered crimes is published only where the disclosure-controlled
-- published_region_counts shows its total this year and last year (the row holds both counts).
select t.*
from indicators.phenomenon_trends as t
left join indicators.published_region_counts as p
    on p.year = t.year and p.region_level = t.region_level and p.region_code = t.region_code
        and p.phenomenon_code = t.phenomenon_code
left join indicators.published_region_counts as before
    on before.year = t.year - 1 and before.region_level = t.region_level
        and before.region_code = t.region_code and before.phenomenon_code = t.phenomenon_code
where t.year = $year and t.region_level <> 'municipality'
    and (
        t.source <> 'incidents'
        or (
            p.registered_crimes is not null
            and (t.event_count_previous is null or before.registered_crimes is not null)
        )
    )
order by all
