-- The years' 83648NED aggregate rows as delivered (NL01, LD, PV, RE; "niet in te delen" left out).
select
    r.partition_year as year,
    trim(r."RegioS") as region_code, trim(r."SoortMisdrijf") as item,
    try_cast(nullif(trim(r."TotaalGeregistreerdeMisdrijven_1"), '.') as bigint) as value
from raw.incidents as r
inner join reference.cbs_aggregate_regions as a on a.region_code = trim(r."RegioS")
where r.partition_year between $first_year and $last_year and a.region_level <> 'unallocated'
