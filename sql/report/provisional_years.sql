-- The years up to $year whose registered crimes CBS still marks provisional ("2025JJ00*").
select distinct year
from staging.stg_incidents__crimes
where is_provisional and year between $year - 9 and $year
order by year
