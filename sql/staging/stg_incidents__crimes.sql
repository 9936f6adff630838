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
delete from staging.stg_incidents__crimes
where year between $first_year and $last_year;
-- The year's delivered rows, typed: municipal_totals (sql/macros/) maps them to the 2025
-- division and sums them.
create or replace temp table delivered as
select
    year,
    delivered_code,
    trim("SoortMisdrijf") as crime_type_code,
    try_cast(nullif(trim("TotaalGeregistreerdeMisdrijven_1"), '.') as bigint)
        as delivered_count,
    case when delivered_count > -99990 then delivered_count end as registered_crimes,
    registered_crimes is null as is_suppressed,
    is_provisional,
    source_file,
    source_row
from cbs_municipal_rows('raw.incidents', $first_year, $last_year);
insert into staging.stg_incidents__crimes
select
    year,
    municipality_code,
    crime_type_code,
    registered_crimes,
    is_suppressed,
    is_provisional,
    delivered_codes,
    source_file,
    source_rows
from municipal_totals(delivered, ['year', 'crime_type_code'], ['registered_crimes'])
order by year, municipality_code, crime_type_code;
drop table delivered;
