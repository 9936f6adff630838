-- Raw drug seizures (Douane / HARC) for one year, as delivered, with provenance. delivered_rows is
-- the file's frame, registered by the raw asset.
create table if not exists raw.seizures__rows (
    partition_year integer not null,
    source_file varchar not null,
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
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.seizures as
select
    r.*,
    f.source_sha256,
    f.loaded_at,
    f.is_synthetic
from raw.seizures__rows as r
inner join raw.loaded_files as f
    on r.partition_year = f.partition_year and r.source_file = f.source_file
where f.source = 'seizures';
delete from raw.seizures__rows where partition_year = $year;
insert into raw.seizures__rows by name
select $year as partition_year, * from delivered_rows;
