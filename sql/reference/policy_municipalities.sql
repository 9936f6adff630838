-- The municipalities taking part in policy programme $programme, from the analyst's list in
-- data/raw/policy/ or the demo's synthetic selection (policy_rows, read by the asset; empty when
-- there is no list); loading a programme replaces its rows. Values stay text here: the check
-- policy_municipalities_are_valid names every bad row.
create table if not exists reference.policy_municipalities (
    programme varchar not null,
    municipality_code varchar,
    municipality_name varchar,
    start_year_text varchar,
    source_file varchar not null,
    source_row bigint not null,
    is_synthetic boolean not null
);
delete from reference.policy_municipalities where programme = $programme;
insert into reference.policy_municipalities
select
    $programme,
    trim(gemeentecode),
    trim(gemeentenaam),
    trim(startjaar),
    $source_file,
    source_row,
    $is_synthetic
from policy_rows
order by source_row;
