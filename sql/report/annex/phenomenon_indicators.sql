-- Annex table phenomenon_indicators: counts, rates and harm with intervals per RIEC region and
-- the Netherlands, and per province for drug sites. Registered crimes appear only where the
-- disclosure-controlled published_region_counts shows the total: a province total (not part of
-- that control) or a hidden RIEC total minus the published municipal counts could reveal a
-- hidden count. Municipal counts are published only through published_municipal_counts.
select *
from published_above_municipality('indicators.phenomenon_indicators', $year)
order by all
