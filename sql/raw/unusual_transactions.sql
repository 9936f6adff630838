-- Raw unusual transactions (FIU-Nederland records) for one year, as delivered, with provenance.
-- delivered_rows is the file's frame, registered by the raw asset.
create table if not exists raw.unusual_transactions__rows (
    partition_year integer not null,
    source_file varchar not null,
    source_row bigint not null,
    "transactie_id" varchar,
    "datum" varchar,
    "meldersgroep" varchar,
    "gemeentecode" varchar,
    "bedrag_eur" varchar,
    "verdacht" varchar
);
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.unusual_transactions as
select
    r.*,
    f.source_sha256,
    f.loaded_at,
    f.is_synthetic
from raw.unusual_transactions__rows as r
inner join raw.loaded_files as f
    on r.partition_year = f.partition_year and r.source_file = f.source_file
where f.source = 'unusual_transactions';
delete from raw.unusual_transactions__rows where partition_year = $year;
insert into raw.unusual_transactions__rows by name
select $year as partition_year, * from delivered_rows;
