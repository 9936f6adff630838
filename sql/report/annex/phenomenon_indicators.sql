-- Annex table phenomenon_indicators: counts, rates and harm with intervals per RIEC region, province and the Netherlands (municipal counts are published only through published_municipal_counts).
select *
from indicators.phenomenon_indicators
where year = $year and region_level <> 'municipality'
order by all
