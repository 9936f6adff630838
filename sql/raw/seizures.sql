-- Raw drug seizures (Douane / HARC) for one year, as delivered, with provenance.
-- delivered_rows is the file's frame, registered by the raw asset; raw.loaded_files comes
-- from sql/raw/loaded_files.sql.
create schema if not exists raw;
create table if not exists raw.seizures__rows (
    partition_year integer not null,
    source_row bigint not null,
    "zaaknummer" varchar,
    "datum" varchar,
    "locatie_type" varchar,
    "locatie" varchar,
    "gemeentecode" varchar,
    "drugssoort" varchar,
    "gewicht_kg" varchar,
    "land_van_vertrek" varchar
);
-- Every row with its provenance. The file's name, SHA-256, load time and synthetic flag are
-- stored once, in raw.loaded_files (written in the same transaction as the rows), instead of on
-- each of up to millions of rows.
create or replace view raw.seizures as
select
    rows.*,
    files.source_file,
    files.source_sha256,
    files.loaded_at,
    files.is_synthetic
from raw.seizures__rows as rows
join raw.loaded_files as files
    on files.source = 'seizures' and files.partition_year = rows.partition_year;
delete from raw.seizures__rows where partition_year = $year;
delete from raw.loaded_files where partition_year = $year and source = 'seizures';
insert into raw.seizures__rows by name
select
    $year as partition_year,
    *
from delivered_rows;
-- One row per delivered file (none for an optional source without a file this year).
insert into raw.loaded_files
select $year, 'seizures', source_file, source_sha256, $loaded_at, is_synthetic, row_count
from delivered_files;
