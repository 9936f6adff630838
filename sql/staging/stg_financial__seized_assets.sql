-- Criminal assets seized by the OM per municipality (2025 division) and asset type for one year.
-- Older municipality codes map through reference.municipality_code_map; for a split
-- municipality each measure goes to the successors by share, largest remainder first, so no
-- count is lost or invented.
create table if not exists staging.stg_financial__seized_assets (
    year integer not null,
    municipality_code varchar not null,
    asset_type varchar not null,
    cases bigint not null,
    value_eur bigint not null,
    delivered_codes varchar[] not null,
    source_file varchar not null,
    source_rows bigint[] not null
);
delete from staging.stg_financial__seized_assets
where year between $first_year and $last_year;
-- The year's delivered rows, typed: municipal_totals (sql/macros/) maps them to the 2025
-- division and sums them.
create or replace temp table delivered as
select
    raw.partition_year as year,
    trim(raw.gemeentecode) as delivered_code,
    types.asset_type,
    cast(trim(raw.aantal_zaken) as bigint) as cases,
    cast(trim(raw.waarde_eur) as bigint) as value_eur,
    false as is_provisional,  -- the publisher marks no figure provisional
    raw.source_file,
    raw.source_row
from raw.seized_assets as raw
inner join reference.seized_asset_types as types
    on types.asset_type_nl = lower(trim(raw.soort_beslag))
where raw.partition_year between $first_year and $last_year;
insert into staging.stg_financial__seized_assets
select
    year,
    municipality_code,
    asset_type,
    cases,
    value_eur,
    delivered_codes,
    source_file,
    source_rows
from municipal_totals(delivered, ['year', 'asset_type'], ['cases', 'value_eur'])
order by year, municipality_code, asset_type;
drop table delivered;
