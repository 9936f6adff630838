-- The published municipal counts of one year as stored, for the disclosure check.
select municipality_code, phenomenon_code, registered_crimes, threshold
from indicators.published_municipal_counts
where year = $year
order by phenomenon_code, municipality_code
