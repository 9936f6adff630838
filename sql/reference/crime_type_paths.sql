-- Every crime type with each of its ancestors in the SoortMisdrijf hierarchy (itself included, at
-- distance 0): what lets a phenomenon count a code from its parts when a file lacks the code.
create or replace table reference.crime_type_paths as
with recursive paths (crime_type_code, ancestor_code, distance) as (
    select crime_type_code, crime_type_code as ancestor_code, 0 as distance
    from reference.crime_types
    union all
    select p.crime_type_code, t.parent_code, p.distance + 1
    from paths as p
    inner join reference.crime_types as t on t.crime_type_code = p.ancestor_code
    where t.parent_code is not null and p.distance < 10
)

select * from paths
order by crime_type_code, distance;
