-- Every cell a no_implausible_jumps warning found, per staged dataset and year, replacing what
-- the check found before for those years: the report names the largest
-- (sql/report/largest_jumps.sql). jump_rows is a frame of the cells, registered by the check.
create table if not exists quality.implausible_jumps (
    partition_year integer not null,
    asset_key varchar not null,
    municipality_code varchar not null,
    item varchar not null,
    previous_value bigint not null,
    value bigint not null
);
delete from quality.implausible_jumps
where asset_key = $asset_key and partition_year between $first_year and $last_year;
insert into quality.implausible_jumps
select year, $asset_key, municipality_code, item, previous_value, value
from jump_rows;
