-- The years' 03759NED aggregate rows as delivered (totals of sex, age and marital status).
select
    r.partition_year as year,
    'inhabitants' as item, trim(r."RegioS") as region_code,
    try_cast(nullif(trim(r."BevolkingOp1Januari_1"), '.') as bigint) as value
from raw.population as r
inner join reference.cbs_aggregate_regions as a on a.region_code = trim(r."RegioS")
where r.partition_year between $first_year and $last_year and a.region_level <> 'unallocated'
    and trim(r."Geslacht") = 'T001038'
    and trim(r."Leeftijd") = '10000'
    and trim(r."BurgerlijkeStaat") = 'T001019'
