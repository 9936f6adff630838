-- Registered crimes and harm per phenomenon in the Netherlands over the ten years up to $year.
select
    i.year,
    i.phenomenon_code,
    p.label_nl,
    p.label_en,
    cast(i.event_count as bigint) as registered_crimes,
    i.rate_per_100k,
    cast(i.harm_score as double) as harm_score
from indicators.phenomenon_indicators as i
inner join reference.phenomena as p using (phenomenon_code)
where i.region_level = 'national'
  and i.source = 'incidents'
  and i.year between $year - 9 and $year
order by i.phenomenon_code, i.year
