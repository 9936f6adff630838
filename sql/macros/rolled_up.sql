-- Municipal figures summed to every region level (the municipality itself, its RIEC region, its
-- province and the Netherlands) through reference.region_membership, the one definition of the
-- region hierarchy. `municipal` (a table or CTE name) has municipality_code, the `keys` and the
-- `measures` (lists of column names); returns region_level, region_code, region_name, the keys
-- and the sum of each measure per region and keys.
-- Use: from rolled_up(municipal, ['theme'], ['tips', 'population']).
create or replace temp macro rolled_up(municipal, keys, measures) as table (
    with municipal_rows as (
        select * from query_table(municipal)
    ),

    regional_rows as (
        select m.*, r.region_level, r.region_code, r.region_name
        from municipal_rows as m
        inner join reference.region_membership as r using (municipality_code)
    )

    select
        columns(['region_level', 'region_code', 'region_name'] || keys),
        sum(columns(measures))
    from regional_rows
    group by all
);
