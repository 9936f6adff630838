-- Annex table published_municipal_counts: registered crimes per municipality and phenomenon as
-- they may be published (counts below the threshold hidden, with secondary suppression).
select *
from indicators.published_municipal_counts
where year = $year
order by all
