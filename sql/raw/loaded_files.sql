-- The file each source was last loaded from, per year: the provenance every raw SQL file
-- registers, and what tells an unchanged file from a new one.
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
