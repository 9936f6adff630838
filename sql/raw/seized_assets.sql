-- Raw OM criminal seizures (strafvorderlijk beslag) for one year, as delivered, with provenance.
-- delivered_rows is the file's frame, registered by the raw asset; raw.loaded_files comes
-- from sql/raw/loaded_files.sql.
create schema if not exists raw;
create table if not exists raw.seized_assets__rows (
    partition_year integer not null,
    source_row bigint not null,
    "jaar" varchar,
    "gemeentecode" varchar,
    "soort_beslag" varchar,
    "aantal_zaken" varchar,
    "waarde_eur" varchar
);
-- Every row with its provenance. The file's name, SHA-256, load time and synthetic flag are
-- stored once, in raw.loaded_files (written in the same transaction as the rows), instead of on
-- each of up to millions of rows.
create or replace view raw.seized_assets as
select
    rows.*,
    files.source_file,
    files.source_sha256,
    files.loaded_at,
    files.is_synthetic
from raw.seized_assets__rows as rows
join raw.loaded_files as files
    on files.source = 'seized_assets' and files.partition_year = rows.partition_year;
delete from raw.seized_assets__rows where partition_year = $year;
delete from raw.loaded_files where partition_year = $year and source = 'seized_assets';
insert into raw.seized_assets__rows by name
select
    $year as partition_year,
    *
from delivered_rows;
-- One row per delivered file (none for an optional source without a file this year).
insert into raw.loaded_files
select $year, 'seized_assets', source_file, source_sha256, $loaded_at, is_synthetic, row_count
from delivered_files;
