-- Raw unusual transactions (FIU-Nederland records) for one year, as delivered, with provenance.
-- delivered_rows is the file's frame, registered by the raw asset; raw.loaded_files comes
-- from sql/raw/loaded_files.sql.
create schema if not exists raw;
create table if not exists raw.unusual_transactions (
    partition_year integer not null,
    source_row bigint not null,
    "transactie_id" varchar,
    "datum" varchar,
    "meldersgroep" varchar,
    "gemeentecode" varchar,
    "bedrag_eur" varchar,
    "verdacht" varchar,
    source_file varchar not null,
    source_sha256 varchar not null,
    loaded_at timestamp not null,
    is_synthetic boolean not null
);
delete from raw.unusual_transactions where partition_year = $year;
delete from raw.loaded_files where partition_year = $year and source = 'unusual_transactions';
insert into raw.unusual_transactions by name
select
    $year as partition_year,
    *,
    $source_file as source_file,
    $source_sha256 as source_sha256,
    $loaded_at as loaded_at,
    $is_synthetic as is_synthetic
from delivered_rows;
-- An optional source without a file for the year loads nothing and registers no file.
insert into raw.loaded_files
select $year, 'unusual_transactions', $source_file, $source_sha256, $loaded_at, $is_synthetic, row_count
from (select count(*) as row_count from delivered_rows)
where $source_file is not null;
