-- Raw FIU-Nederland transactions by reporting sector and municipality for one year, as delivered,
-- with provenance. delivered_rows is the file's frame, registered by the raw asset.
create table if not exists raw.financial__rows (
    partition_year integer not null,
    source_file varchar not null,
    source_row bigint not null,
    "jaar" varchar,
    "gemeentecode" varchar,
    "meldersgroep" varchar,
    "ongebruikelijke_transacties" varchar,
    "verdachte_transacties" varchar,
    "verdacht_bedrag_eur" varchar
);
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.financial as
select * exclude (source, row_count)
from raw.financial__rows
inner join raw.loaded_files using (partition_year, source_file)
where source = 'financial';
delete from raw.financial__rows where partition_year = $year;
insert into raw.financial__rows by name
select $year as partition_year, * from delivered_rows;
