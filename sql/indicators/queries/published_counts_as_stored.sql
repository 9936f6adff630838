-- The published municipal counts per year as stored, for the disclosure check.
select year, municipality_code, phenomenon_code, registered_crimes, threshold
from indicators.published_municipal_counts
where year between $first_year and $last_year
order by year, phenomenon_code, municipality_code
