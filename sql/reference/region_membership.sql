-- Every region each municipality belongs to, one row per level: itself, its RIEC region, its
-- province and the Netherlands. The marts roll up by joining this table, so the region
-- hierarchy is defined once.
create or replace table reference.region_membership as
select
    municipality_code,
    'municipality' as region_level,
    municipality_code as region_code,
    municipality_name as region_name
from reference.municipalities
union all
select municipality_code, 'riec_region', riec_code, riec_name
from reference.municipalities
union all
select municipality_code, 'province', province_code, province_name
from reference.municipalities
union all
select municipality_code, 'national', 'NL01', 'Nederland'
from reference.municipalities
order by region_level, region_code, municipality_code;
