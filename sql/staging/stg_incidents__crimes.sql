-- Registered crimes per municipality and crime type for one year, typed and cleaned.
-- CBS marks suppressed cells with "." or leaves them empty, and some tables use values
-- <= -99990 as "missing": all of these become null with is_suppressed set.
create schema if not exists staging;
create table if not exists staging.stg_incidents__crimes (
    year integer not null,
    municipality_code varchar not null,
    crime_type_code varchar not null,
    registered_crimes bigint,
    is_suppressed boolean not null,
    source_file varchar not null,
    source_row bigint not null
);
delete from staging.stg_incidents__crimes where year = $year;
insert into staging.stg_incidents__crimes
with typed as (
    select
        trim("RegioS") as municipality_code,
        trim("SoortMisdrijf") as crime_type_code,
        try_cast(nullif(trim("TotaalGeregistreerdeMisdrijven_1"), '.') as bigint) as delivered_count,
        source_file,
        source_row
    from raw.incidents
    where partition_year = $year
      and trim("RegioS") like 'GM%'
)
select
    $year as year,
    municipality_code,
    crime_type_code,
    case when delivered_count > -99990 then delivered_count end as registered_crimes,
    delivered_count is null or delivered_count <= -99990 as is_suppressed,
    source_file,
    source_row
from typed
order by municipality_code, crime_type_code;
