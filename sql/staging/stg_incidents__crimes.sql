-- Registered crimes per municipality (2025 division) and crime type for one year, typed.
-- is_provisional: CBS marked the period provisional ("2025JJ00*"); its figures may still change.
-- CBS marks suppressed cells with "." or leaves them empty, and some tables use values
-- <= -99990 as "missing": those parts count as unknown and the cell is flagged is_suppressed.
-- Codes of an older division are mapped through reference.municipality_code_map: a merged
-- municipality adds up its parts; a split one hands whole crimes to its successors by share,
-- largest remainder first, so no crime is lost or invented. A code the map does not know is kept
-- as delivered (the raw check rejects it; the indicators' reconcile check would notice it too).
create table if not exists staging.stg_incidents__crimes (
    year integer not null,
    municipality_code varchar not null,
    crime_type_code varchar not null,
    registered_crimes bigint,
    is_suppressed boolean not null,
    is_provisional boolean not null,
    delivered_codes varchar[] not null,
    source_file varchar not null,
    source_rows bigint[] not null
);
delete from staging.stg_incidents__crimes where year = $year;
insert into staging.stg_incidents__crimes
with delivered as (
    select
        trim("RegioS") as delivered_code,
        trim("SoortMisdrijf") as crime_type_code,
        try_cast(nullif(trim("TotaalGeregistreerdeMisdrijven_1"), '.') as bigint) as delivered_count,
        ends_with(trim("Perioden"), '*') as is_provisional,
        source_file,
        source_row
    from raw.incidents
    where partition_year = $year
      and is_municipality_code(trim("RegioS"))
),

mapped as (
    select
        d.*,
        case when d.delivered_count > -99990 then d.delivered_count end as known_count,
        coalesce(m.municipality_code, d.delivered_code) as municipality_code,
        known_count * coalesce(m.share, 1) as exact_count
    from delivered as d
    left join reference.municipality_code_map as m on m.source_code = d.delivered_code
),

apportioned as (
    select
        *,
        largest_remainder(exact_count, known_count, (source_file, source_row), municipality_code) as allocated_count
    from mapped
)

select
    $year as year,
    municipality_code,
    crime_type_code,
    cast(sum(allocated_count) as bigint) as registered_crimes,
    bool_or(known_count is null) as is_suppressed,
    bool_or(is_provisional) as is_provisional,
    list(distinct delivered_code order by delivered_code) as delivered_codes,
    min(source_file) as source_file,
    list(source_row order by source_row) as source_rows
from apportioned
group by municipality_code, crime_type_code
order by municipality_code, crime_type_code;
