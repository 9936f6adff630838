-- The registered crimes each phenomenon counts in one year, every crime once. A phenomenon counts
-- codes of the SoortMisdrijf hierarchy (reference.crime_types.phenomenon_code); a file may hold a
-- counted code, its parts, or both. Per municipality a delivered code counts for a counted code
-- when it is that code or one of its parts and no code between the two is delivered too: a code
-- delivered with its parts counts once, as the code; a code missing from the file counts as the
-- sum of its nearest delivered parts (the raw check makes sure the parts are complete).
create or replace temp macro counted_crimes(for_year) as table
with counted_codes as (
    select crime_type_code as counted_code, phenomenon_code
    from reference.crime_types
    where phenomenon_code is not null
),

delivered as (
    select crimes.*, paths.ancestor_code as counted_code, counted.phenomenon_code
    from staging.stg_incidents__crimes as crimes
    inner join reference.crime_type_paths as paths using (crime_type_code)
    inner join counted_codes as counted on counted.counted_code = paths.ancestor_code
    where crimes.year = for_year
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
    where nearer.municipality_code = d.municipality_code
      and nearer.counted_code = d.counted_code
);
