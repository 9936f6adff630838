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
select * exclude (source, row_count)
from raw.seized_assets__rows
inner join raw.loaded_files using (partition_year, source_file)
where source = 'seized_assets';
delete from raw.seized_assets__rows where partition_year = $year;
insert into raw.seized_assets__rows by name
select $year as partition_year, * from delivered_rows;
