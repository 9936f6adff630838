-- The harm weight set(s) the indicators behind the report were computed with (ten years).
select distinct harm_weight_set
from indicators.phenomenon_indicators
where year between $year - 9 and $year
order by 1
