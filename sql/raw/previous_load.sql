-- The SHA-256 of the file last loaded for a source and year, if any: loading the same file
-- again is skipped, so a re-run changes nothing (not even the load time).
create schema if not exists raw;
create table if not exists raw.loaded_files (
    partition_year integer not null,
    source varchar not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    loaded_at timestamp not null,
    is_synthetic boolean not null,
    row_count bigint not null
);
select source_file, source_sha256
from raw.loaded_files
where partition_year = $year and source = $source
