-- Raw drug sites found (Politie, Nationaal Overzicht Drugslocaties) for one year, as delivered, with provenance.
-- delivered_rows is the file's frame, registered by the raw asset; raw.loaded_files comes
-- from sql/raw/loaded_files.sql.
create schema if not exists raw;
create table if not exists raw.drug_sites__rows (
    partition_year integer not null,
    source_row bigint not null,
    "registratienummer" varchar,
    "datum" varchar,
    "gemeentecode" varchar,
    "soort_locatie" varchar,
    "drugssoort" varchar,
    "omgeving" varchar
);
-- Every row with its provenance. The file's name, SHA-256, load time and synthetic flag are
-- stored once, in raw.loaded_files (written in the same transaction as the rows), instead of on
-- each of up to millions of rows.
create or replace view raw.drug_sites as
select
    rows.*,
    files.source_file,
    files.source_sha256,
    files.loaded_at,
    files.is_synthetic
from raw.drug_sites__rows as rows
join raw.loaded_files as files
    on files.source = 'drug_sites' and files.partition_year = rows.partition_year;
delete from raw.drug_sites__rows where partition_year = $year;
delete from raw.loaded_files where partition_year = $year and source = 'drug_sites';
insert into raw.drug_sites__rows by name
select
    $year as partition_year,
    *
from delivered_rows;
-- One row per delivered file (none for an optional source without a file this year).
insert into raw.loaded_files
select $year, 'drug_sites', source_file, source_sha256, $loaded_at, is_synthetic, row_count
from delivered_files;
