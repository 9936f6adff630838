-- Store one check's outcome for a year, replacing the previous outcome of the same check.
-- failure_rows is a frame of the rejected values, registered by the caller; they go to the
-- quarantine with the file, row, column and the reason.
create table if not exists quality.check_results (
    partition_year integer not null,
    asset_key varchar not null,
    check_name varchar not null,
    severity varchar not null,  -- error: blocks the run; warning: reported, does not block
    passed boolean not null,
    rows_checked bigint not null,
    rules_checked integer not null,
    failed_values bigint not null,
    summary varchar not null
);
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
-- Written by the aggregate checks (sql/quality/aggregate_reconciliation.sql); created here so
-- that the report can read it for a year in which no check wrote to it.
create table if not exists quality.aggregate_reconciliation (
    partition_year integer not null,
    source varchar not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    item varchar not null,
    delivered_total bigint not null,
    municipal_sum bigint not null,
    municipal_cells bigint not null,
    gap bigint not null,
    tolerance double not null,
    within_rounding boolean not null,
    boundary_changed boolean not null default false
);
-- A warehouse made before boundary_changed was kept gains the column.
alter table quality.aggregate_reconciliation
add column if not exists boundary_changed boolean default false;
delete from quality.check_results
where partition_year = $year and asset_key = $asset_key and check_name = $check_name;
delete from quality.quarantine
where partition_year = $year and asset_key = $asset_key and check_name = $check_name;
insert into quality.check_results
select
    $year, $asset_key, $check_name, $severity, $passed, $rows_checked, $rules_checked,
    (select count(*) from failure_rows), $summary;
insert into quality.quarantine
select $year, $asset_key, $check_name, source_file, source_row, column_name, value, rule
from failure_rows;
