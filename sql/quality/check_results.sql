-- Store one check's outcome for a year, replacing the previous outcome of the same check; run in
-- one transaction with sql/quality/quarantine.sql. failure_rows is a frame of the rejected
-- values, registered by the caller.
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
delete from quality.check_results
where partition_year = $year and asset_key = $asset_key and check_name = $check_name;
insert into quality.check_results
select
    $year, $asset_key, $check_name, $severity, $passed, $rows_checked, $rules_checked,
    (select count(*) from failure_rows), $summary;
