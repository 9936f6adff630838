-- Annex table published_region_counts: registered crimes per RIEC region and the Netherlands as
-- they may be published.
select *
from indicators.published_region_counts
where year = $year
order by all
