-- The files each source was last loaded from, per year: the provenance of every raw row (the raw
-- views join it), and what tells an unchanged file from a new one. Run in the same transaction as
-- the source's rows (sql/raw/<source>.sql); delivered_files is registered by the raw asset, one
-- row per delivered file (none for an optional source without a file this year).
create table if not exists raw.loaded_files (
    partition_year integer not null,
    source varchar not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    loaded_at timestamp not null,
    is_synthetic boolean not null,
    row_count bigint not null
);
delete from raw.loaded_files where partition_year = $year and source = $source;
insert into raw.loaded_files
select $year, $source, source_file, source_sha256, $loaded_at, is_synthetic, row_count
from delivered_files;
