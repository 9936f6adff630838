-- Inhabitants on 1 January per municipality (2025 division) for one year, all sexes, ages and
-- marital states. Older codes map through reference.municipality_code_map; a split
-- municipality's inhabitants go to its successors by share, largest remainder first.
-- is_provisional: CBS marked the period provisional ("2025JJ00*").
create table if not exists staging.stg_population__inhabitants (
    year integer not null,
    municipality_code varchar not null,
    inhabitants bigint not null,
    is_provisional boolean not null,
    delivered_codes varchar[] not null,
    source_file varchar not null,
    source_rows bigint[] not null
);
delete from staging.stg_population__inhabitants where year = $year;
insert into staging.stg_population__inhabitants
with delivered as (
    select
        trim("RegioS") as delivered_code,
        cast(trim("BevolkingOp1Januari_1") as bigint) as delivered_count,
        ends_with(trim("Perioden"), '*') as is_provisional,
        source_file,
        source_row
    from raw.population
    where partition_year = $year
      and is_municipality_code(trim("RegioS"))
      and trim("Geslacht") = 'T001038'
      and trim("Leeftijd") = '10000'
      and trim("BurgerlijkeStaat") = 'T001019'
),

mapped as (
    select
        d.*,
        coalesce(m.municipality_code, d.delivered_code) as municipality_code,
        d.delivered_count * coalesce(m.share, 1) as exact_count
    from delivered as d
    left join reference.municipality_code_map as m on m.source_code = d.delivered_code
),

apportioned as (
    select
        *,
        largest_remainder(exact_count, delivered_count, (source_file, source_row), municipality_code) as allocated_count
    from mapped
)

select
    $year as year,
    municipality_code,
    cast(sum(allocated_count) as bigint) as inhabitants,
    bool_or(is_provisional) as is_provisional,
    list(distinct delivered_code order by delivered_code) as delivered_codes,
    min(source_file) as source_file,
    list(source_row order by source_row) as source_rows
from apportioned
group by municipality_code
order by municipality_code;
