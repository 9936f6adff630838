-- Raw OM criminal seizures (strafvorderlijk beslag) for one year, as delivered, with provenance.
-- delivered_rows is the file's frame, registered by the raw asset.
create table if not exists raw.seized_assets__rows (
    partition_year integer not null,
    source_file varchar not null,
    source_row bigint not null,
    "jaar" varchar,
    "gemeentecode" varchar,
    "soort_beslag" varchar,
    "aantal_zaken" varchar,
    "waarde_eur" varchar
);
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.seized_assets as
select
    r.*,
    f.source_sha256,
    f.loaded_at,
    f.is_synthetic
from raw.seized_assets__rows as r
inner join raw.loaded_files as f
    on r.partition_year = f.partition_year and r.source_file = f.source_file
where f.source = 'seized_assets';
delete from raw.seized_assets__rows where partition_year = $year;
insert into raw.seized_assets__rows by name
select $year as partition_year, * from delivered_rows;
