-- Inhabitants on 1 January per municipality for one year (all sexes, ages and marital states).
create schema if not exists staging;
create table if not exists staging.stg_population__inhabitants (
    year integer not null,
    municipality_code varchar not null,
    inhabitants bigint not null,
    source_file varchar not null,
    source_row bigint not null
);
delete from staging.stg_population__inhabitants where year = $year;
insert into staging.stg_population__inhabitants
select
    $year as year,
    trim("RegioS") as municipality_code,
    cast(trim("BevolkingOp1Januari_1") as bigint) as inhabitants,
    source_file,
    source_row
from raw.population
where partition_year = $year
  and trim("RegioS") like 'GM%'
  and trim("Geslacht") = 'T001038'
  and trim("Leeftijd") = '10000'
  and trim("BurgerlijkeStaat") = 'T001019'
order by municipality_code;
