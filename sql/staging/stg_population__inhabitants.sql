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
delete from staging.stg_population__inhabitants
where year between $first_year and $last_year;
-- The year's delivered rows, typed: municipal_totals (sql/macros/) maps them to the 2025
-- division and sums them.
create or replace temp table delivered as
select
    year,
    delivered_code,
    cast(trim("BevolkingOp1Januari_1") as bigint) as inhabitants,
    is_provisional,
    source_file,
    source_row
from cbs_municipal_rows('raw.population', $first_year, $last_year)
where trim("Geslacht") = 'T001038'
    and trim("Leeftijd") = '10000'
    and trim("BurgerlijkeStaat") = 'T001019';
insert into staging.stg_population__inhabitants
select
    year,
    municipality_code,
    inhabitants,
    is_provisional,
    delivered_codes,
    source_file,
    source_rows
from municipal_totals(delivered, ['year'], ['inhabitants'])
order by year, municipality_code;
drop table delivered;
