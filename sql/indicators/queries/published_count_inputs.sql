-- Registered crimes per municipality and phenomenon per year, with the RIEC region: what the
-- published (disclosure-controlled) counts are made from.
select
    i.year,
    i.region_code as municipality_code,
    i.region_name as municipality_name,
    m.riec_code,
    m.riec_name,
    i.phenomenon_code,
    i.event_count
from indicators.phenomenon_indicators as i
inner join reference.municipalities as m on m.municipality_code = i.region_code
where
    i.year between $first_year and $last_year
    and i.region_level = 'municipality' and i.source = 'incidents'
order by i.year, i.phenomenon_code, m.riec_code, i.region_code
