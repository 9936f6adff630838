-- Meld Misdaad Anoniem tips per municipality (2025 division) and theme for one year.
-- Older municipality codes map through reference.municipality_code_map; for a split
-- municipality each measure goes to the successors by share, largest remainder first, so no
-- count is lost or invented.
create table if not exists staging.stg_signals__tips (
    year integer not null,
    municipality_code varchar not null,
    theme varchar not null,
    tips bigint not null,
    delivered_codes varchar[] not null,
    source_file varchar not null,
    source_rows bigint[] not null
);
delete from staging.stg_signals__tips
where year between $first_year and $last_year;
-- The year's delivered rows, typed: municipal_totals (sql/macros/) maps them to the 2025
-- division and sums them.
create or replace temp table delivered as
select
    raw.partition_year as year,
    trim(raw.gemeentecode) as delivered_code,
    themes.theme,
    cast(trim(raw.aantal_meldingen) as bigint) as tips,
    false as is_provisional,  -- the publisher marks no figure provisional
    raw.source_file,
    raw.source_row
from raw.signals as raw
inner join reference.signal_themes as themes on themes.theme_nl = lower(trim(raw.thema))
where raw.partition_year between $first_year and $last_year;
insert into staging.stg_signals__tips
select
    year,
    municipality_code,
    theme,
    tips,
    delivered_codes,
    source_file,
    source_rows
from municipal_totals(delivered, ['year', 'theme'], ['tips'])
order by year, municipality_code, theme;
drop table delivered;
