-- Raw registered crimes (CBS 83648NED) for one year, as delivered, with provenance: every region
-- row the files hold (municipalities and the aggregates beside them) and every measure, in the
-- table's OData v3 keys whatever shape was delivered (pipeline/domain/files/cbs_files.py). A year
-- may come from several files (the pages of a download), so every row names its file.
-- delivered_rows is the files' frame, registered by the raw asset.
create table if not exists raw.incidents__rows (
    partition_year integer not null,
    source_file varchar not null,
    source_row bigint not null,
    "ID" varchar,
    "SoortMisdrijf" varchar,
    "RegioS" varchar,
    region_level varchar,
    "Perioden" varchar,
    "TotaalGeregistreerdeMisdrijven_1" varchar,
    "GeregistreerdeMisdrijvenRelatief_2" varchar,
    "GeregistreerdeMisdrijvenPer1000Inw_3" varchar,
    "TotaalOpgehelderdeMisdrijven_4" varchar,
    "OpgehelderdeMisdrijvenRelatief_5" varchar,
    "RegistratiesVanVerdachten_6" varchar,
    "other_cells" varchar
);
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.incidents as
select
    r.*,
    f.source_sha256,
    f.loaded_at,
    f.is_synthetic
from raw.incidents__rows as r
inner join raw.loaded_files as f
    on r.partition_year = f.partition_year and r.source_file = f.source_file
where f.source = 'incidents';
delete from raw.incidents__rows where partition_year = $year;
insert into raw.incidents__rows by name
select $year as partition_year, * from delivered_rows;
