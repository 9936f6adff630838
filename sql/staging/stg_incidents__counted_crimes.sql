-- The registered crimes each phenomenon counts, per municipality, for one year: every crime once.
-- A phenomenon counts codes of the SoortMisdrijf hierarchy (reference.crime_types.phenomenon_code)
-- and a file may hold a counted code, its parts, or both. A delivered code counts for a counted
-- code when it is that code or one of its parts and no code between the two was delivered too:
-- a code delivered with its parts counts once, as the code; a code missing from the file counts
-- as the sum of its nearest delivered parts (the raw check makes sure those parts are complete).
create table if not exists staging.stg_incidents__counted_crimes (
    year integer not null,
    municipality_code varchar not null,
    phenomenon_code varchar not null,
    counted_code varchar not null,
    crime_type_code varchar not null,
    registered_crimes bigint,
    is_suppressed boolean not null,
    is_provisional boolean not null
);
delete from staging.stg_incidents__counted_crimes
where year between $first_year and $last_year;
insert into staging.stg_incidents__counted_crimes
with counted_codes as (
    select crime_type_code as counted_code, phenomenon_code
    from reference.crime_types
    where phenomenon_code is not null
),

delivered as (
    select
        crimes.year,
        crimes.municipality_code,
        counted.phenomenon_code,
        counted.counted_code,
        crimes.crime_type_code,
        crimes.registered_crimes,
        crimes.is_suppressed,
        crimes.is_provisional
    from staging.stg_incidents__crimes as crimes
    inner join reference.crime_type_paths as paths using (crime_type_code)
    inner join counted_codes as counted on counted.counted_code = paths.ancestor_code
    where crimes.year between $first_year and $last_year
)

select d.*
from delivered as d
where not exists (
        select 1
        from delivered as nearer
        inner join reference.crime_type_paths as path
            on path.crime_type_code = d.crime_type_code
                and path.ancestor_code = nearer.crime_type_code
                and path.distance > 0
        where nearer.year = d.year and nearer.municipality_code = d.municipality_code
            and nearer.counted_code = d.counted_code
    )
order by d.year, d.municipality_code, d.counted_code, d.crime_type_code;
