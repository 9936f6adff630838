-- Every municipality of the 2025 division x every row of `items`, with the `measures` of `counts`
-- (zero where `counts` has no row for the municipality and item, so that zero is explicit) and
-- the municipality's inhabitants in `data_year` (population): what the indicators roll up to
-- their regions (rolled_up.sql). `items` and `counts` name a table or CTE; `counts` holds one
-- year's municipality_code, the `keys` (a list of column names, all of them columns of `items`
-- too: how a count finds its item) and the `measures` (a list of column names). Returns
-- municipality_code, the columns of `items`, population and the measures.
-- Use: from every_municipality('reference.signal_themes', tip_counts, ['theme'], ['tips'], $year).
-- (The items come first in FROM: DuckDB checks the tables of a macro's body when the macro is
-- created, which on a new warehouse is before they exist, but stops at the first relation it
-- cannot know yet, a query_table() of a parameter. rolled_up and in_2025_division do the same.)
create or replace temp macro every_municipality(items, counts, keys, measures, data_year) as table (
    with item_rows as (
        select *, struct_pack(*columns(keys)) as cell_key
        from query_table(items)
    ),

    -- the join columns renamed, so that the grid's columns and the counts' do not clash
    count_rows as (
        select
            municipality_code as counted_municipality,
            columns(measures),
            struct_pack(*columns(keys)) as counted_cell
        from query_table(counts)
    ),

    inhabitants as (
        select municipality_code, inhabitants as population
        from staging.stg_population__inhabitants
        where year = data_year
    ),

    grid as (
        select i.*, c.*, m.municipality_code, p.population
        from item_rows as i
        cross join reference.municipalities as m
        left join count_rows as c
            on c.counted_municipality = m.municipality_code and c.counted_cell = i.cell_key
        left join inhabitants as p on p.municipality_code = m.municipality_code
    )

    select
        columns(
            lambda c: not list_contains(
                measures || ['cell_key', 'counted_municipality', 'counted_cell'], c
            )
        ),
        coalesce(columns(measures), 0)
    from grid
);
