-- Registered crimes per municipality and phenomenon as they may be published: counts below the
-- threshold hidden (null, suppression 'primary'), and the counts hidden to protect them
-- (suppression 'secondary'). published_municipal_rows is a frame the published_counts asset
-- computes (pipeline/domain/statistics/disclosure.py), written with published_region_counts.sql.
create table if not exists indicators.published_municipal_counts (
    year integer not null,
    municipality_code varchar not null,
    municipality_name varchar not null,
    riec_code varchar not null,
    phenomenon_code varchar not null,
    registered_crimes bigint,
    suppression varchar,
    threshold integer not null
);
delete from indicators.published_municipal_counts
where year between $first_year and $last_year;
insert into indicators.published_municipal_counts by name
select *, $threshold as threshold from published_municipal_rows;
