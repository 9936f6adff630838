-- Raw business establishments (CBS 81575NED) for one year, as delivered, with provenance: every
-- region row the files hold (municipalities and the aggregates beside them) and every measure, in
-- the table's OData v3 keys whatever shape was delivered (pipeline/domain/files/cbs_files.py). A
-- year may come from several files (the pages of a download), so every row names its file.
-- delivered_rows is the files' frame, registered by the raw asset.
create table if not exists raw.establishments__rows (
    partition_year integer not null,
    source_file varchar not null,
    source_row bigint not null,
    "ID" varchar,
    "BedrijfstakkenBranchesSBI2008" varchar,
    "RegioS" varchar,
    region_level varchar,
    "Perioden" varchar,
    "Vestigingen_1" varchar,
    "other_cells" varchar
);
-- Every row with its file's provenance, which raw.loaded_files keeps once per file
-- (sql/raw/loaded_files.sql, written in the same transaction).
create or replace view raw.establishments as
select
    r.*,
    f.source_sha256,
    f.loaded_at,
    f.is_synthetic
from raw.establishments__rows as r
inner join raw.loaded_files as f
    on r.partition_year = f.partition_year and r.source_file = f.source_file
where f.source = 'establishments';
delete from raw.establishments__rows where partition_year = $year;
insert into raw.establishments__rows by name
select $year as partition_year, * from delivered_rows;
