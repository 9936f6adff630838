-- Registered crimes per RIEC region and the Netherlands and phenomenon as they may be published
-- (see published_municipal_counts.sql). published_region_rows is a frame the published_counts
-- asset computes (pipeline/domain/statistics/disclosure.py).
create table if not exists indicators.published_region_counts (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    phenomenon_code varchar not null,
    registered_crimes bigint,
    suppression varchar,
    threshold integer not null
);
delete from indicators.published_region_counts
where year between $first_year and $last_year;
insert into indicators.published_region_counts by name
select *, $threshold as threshold from published_region_rows;
