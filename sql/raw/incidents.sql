-- Raw registered crimes (CBS 83648NED) for one year, as delivered, with provenance: every region
-- row the files hold (municipalities and the aggregates beside them) and every measure, in the
-- table's OData v3 keys whatever shape was delivered (pipeline/domain/files/cbs_files.py). A year may come from
-- several files (the pages of a download), so every row names its file. delivered_rows and
-- delivered_files are registered by the raw asset; raw.loaded_files is sql/raw/loaded_files.sql.
create schema if not exists raw;
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
-- The level of the row's region (municipality, province, country, ...; pipeline/domain/files/region_codes.py);
-- a warehouse made before it was kept gains the column.
alter table raw.incidents__rows add column if not exists region_level varchar;
-- Every row with its provenance: the file's SHA-256, load time and synthetic flag are stored
-- once per file, in raw.loaded_files (written in the same transaction as the rows).
create or replace view raw.incidents as
select
    rows.*,
    files.source_sha256,
    files.loaded_at,
    files.is_synthetic
from raw.incidents__rows as rows
join raw.loaded_files as files
    on files.source = 'incidents'
    and files.partition_year = rows.partition_year
    and files.source_file = rows.source_file;
delete from raw.incidents__rows where partition_year = $year;
delete from raw.loaded_files where partition_year = $year and source = 'incidents';
insert into raw.incidents__rows by name
select
    $year as partition_year,
    *
from delivered_rows;
-- One row per delivered file (none for an optional source without a file this year).
insert into raw.loaded_files
select $year, 'incidents', source_file, source_sha256, $loaded_at, is_synthetic, row_count
from delivered_files;
