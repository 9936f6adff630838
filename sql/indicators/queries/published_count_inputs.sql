-- Registered crimes per municipality and phenomenon in one year, with the RIEC region: what the
-- published (disclosure-controlled) counts are made from.
select
    i.region_code as municipality_code,
    i.region_name as municipality_name,
    m.riec_code,
    m.riec_name,
    i.phenomenon_code,
    i.event_count
from indicators.phenomenon_indicators as i
inner join reference.municipalities as m on m.municipality_code = i.region_code
where i.year = $year and i.region_level = 'municipality' and i.source = 'incidents'
order by i.phenomenon_code, m.riec_code, i.region_code
