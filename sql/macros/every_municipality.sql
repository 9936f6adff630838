-- Every year from `first_year` to `last_year` x municipality of the 2025 division x row of
-- `items`, with the `measures` of `counts` (zero where `counts` has no row for the year,
-- municipality and item, so that zero is explicit) and the municipality's inhabitants that year
-- (population): what the indicators roll up to their regions (rolled_up.sql). `items` and
-- `counts` name a table or CTE; `counts` holds year, municipality_code, the `keys` (a list of
-- column names, all of them columns of `items` too: how a count finds its item) and the
-- `measures` (a list of column names). Returns year, municipality_code, the columns of `items`,
-- population and the measures. Use: from every_municipality('reference.signal_themes',
-- tip_counts, ['theme'], ['tips'], $first_year, $last_year).
-- (The items come first in FROM: DuckDB checks the tables of a macro's body when the macro is
-- created, which on a new warehouse is before they exist, but stops at the first relation it
-- cannot know yet, a query_table() of a parameter. rolled_up and in_2025_division do the same.)
create or replace temp macro every_municipality(
    items, counts, keys, measures, first_year, last_year
) as table (
    with item_rows as (
        select *, struct_pack(*columns(keys)) as cell_key
        from query_table(items)
    ),

    -- the join columns renamed, so that the grid's columns and the counts' do not clash
    count_rows as (
        select
            year as counted_year,
            municipality_code as counted_municipality,
            columns(measures),
            struct_pack(*columns(keys)) as counted_cell
        from query_table(counts)
    ),

    inhabitants as (
        select
            year as population_year,
            municipality_code as population_municipality,
            inhabitants as population
        from staging.stg_population__inhabitants
        where year between first_year and last_year
    ),

    years as (
        select unnest(range(first_year, last_year + 1)) as year
    ),

    grid as (
        select i.*, c.*, y.year, m.municipality_code, p.population
        from item_rows as i
        cross join years as y
        cross join reference.municipalities as m
        left join count_rows as c
            on
                y.year = c.counted_year
                and m.municipality_code = c.counted_municipality
                and i.cell_key = c.counted_cell
        left join inhabitants as p
            on y.year = p.population_year and m.municipality_code = p.population_municipality
    )

    select
        columns(
            lambda c: not list_contains(
                measures || ['cell_key', 'counted_year', 'counted_municipality', 'counted_cell'], c
            )
        ),
        coalesce(columns(measures), 0)
    from grid
);
