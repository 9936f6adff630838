-- The values one check rejected for a year, with the file, row, column and the reason, replacing
-- what the same check rejected before; run in one transaction with sql/quality/check_results.sql.
-- failure_rows is a frame of the rejected values, registered by the caller.
create table if not exists quality.quarantine (
    partition_year integer not null,
    asset_key varchar not null,
    check_name varchar not null,
    source_file varchar not null,
    source_row bigint,
    column_name varchar,
    value varchar,
    reason varchar not null
);
delete from quality.quarantine
where partition_year = $year and asset_key = $asset_key and check_name = $check_name;
insert into quality.quarantine
select $year, $asset_key, $check_name, source_file, source_row, column_name, value, rule
from failure_rows;
