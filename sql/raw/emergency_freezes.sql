-- Raw FIU-Nederland emergency freezes for one year, as delivered, with provenance. delivered_rows
-- is the file's frame, registered by the raw asset.
create table if not exists raw.emergency_freezes__rows (
    partition_year integer not null,
    source_file varchar not null,
    source_row bigint not null,
    "zaak_id" varchar,
    "datum" varchar,
    "gemeentecode" varchar,
    "meldersgroep" varchar,
    "bevroren_bedrag_eur" varchar
);
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.emergency_freezes as
select
    r.*,
    f.source_sha256,
    f.loaded_at,
    f.is_synthetic
from raw.emergency_freezes__rows as r
inner join raw.loaded_files as f
    on r.partition_year = f.partition_year and r.source_file = f.source_file
where f.source = 'emergency_freezes';
delete from raw.emergency_freezes__rows where partition_year = $year;
insert into raw.emergency_freezes__rows by name
select $year as partition_year, * from delivered_rows;
