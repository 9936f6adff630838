-- Raw Meld Misdaad Anoniem tips for one year, as delivered, with provenance. delivered_rows is the
-- file's frame, registered by the raw asset.
create table if not exists raw.signals__rows (
    partition_year integer not null,
    source_file varchar not null,
    source_row bigint not null,
    "jaar" varchar,
    "gemeentecode" varchar,
    "thema" varchar,
    "aantal_meldingen" varchar
);
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.signals as
select * exclude (source, row_count)
from raw.signals__rows
inner join raw.loaded_files using (partition_year, source_file)
where source = 'signals';
delete from raw.signals__rows where partition_year = $year;
insert into raw.signals__rows by name
select $year as partition_year, * from delivered_rows;
